export type { AnchorApi } from './anchor-api';
export type {
  AnchorErrorResponse,
  AnchorTaskExecutionResult,
  AnchorTaskExecutionResultResponse,
  AnchorTaskRaw,
  AnchorTaskRunStatus,
  AnchorTaskStatus,
} from './anchor-api-types';
export {
  ANCHOR_DEFAULT_BASE_URL,
  type AnchorProvider,
  type AnchorProviderSettings,
  type AnchorTaskRawOf,
  anchor,
  createAnchor,
} from './anchor-provider';
export {
  ANCHOR_PROVIDER_NAME,
  type AnchorExecutionRef,
  type AnchorRunRef,
  type AnchorTaskRef,
  formatAnchorRef,
  isAnchorRunRef,
  parseAnchorRef,
} from './anchor-ref';
export { mapAnchorStatus } from './map-anchor-status';
export { VERSION } from './version';
