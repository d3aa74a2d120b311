export type { BrowserUseApi } from './browser-use-api';
export type {
  BrowserUseErrorDetail,
  BrowserUseFileView,
  BrowserUseHTTPValidationError,
  BrowserUseRateLimitBody,
  BrowserUseTaskStatus,
  BrowserUseTaskStatusView,
  BrowserUseTaskStepView,
  BrowserUseTaskView,
  BrowserUseValidationError,
} from './browser-use-api-types';
export {
  BROWSER_USE_DEFAULT_BASE_URL,
  type BrowserUseProvider,
  type BrowserUseProviderSettings,
  browserUse,
  createBrowserUse,
} from './browser-use-provider';
export {
  BROWSER_USE_PROVIDER_NAME,
  type BrowserUseRef,
  formatBrowserUseRef,
  parseBrowserUseRef,
} from './browser-use-ref';
export { mapBrowserUseStatus } from './map-browser-use-status';
export { VERSION } from './version';
