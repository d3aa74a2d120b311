export { mapSkyvernStatus } from './map-skyvern-status';
export type { SkyvernApi } from './skyvern-api';
export type {
  SkyvernErrorResponse,
  SkyvernFileInfo,
  SkyvernRun,
  SkyvernRunStatus,
  SkyvernRunType,
  SkyvernValidationError,
} from './skyvern-api-types';
export {
  createSkyvern,
  SKYVERN_DEFAULT_BASE_URL,
  type SkyvernProvider,
  type SkyvernProviderSettings,
  skyvern,
} from './skyvern-provider';
export { formatSkyvernRef, parseSkyvernRef, SKYVERN_PROVIDER_NAME, type SkyvernRef } from './skyvern-ref';
export { VERSION } from './version';
