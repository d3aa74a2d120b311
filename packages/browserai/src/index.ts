export type { BrowserAIApi } from './browserai-api';
export type {
  BrowserAIResults,
  BrowserAITask,
  BrowserAITaskProgress,
  BrowserAITaskRaw,
  BrowserAITaskResult,
  BrowserAITaskStatus,
} from './browserai-api-types';
export {
  BROWSERAI_DEFAULT_BASE_URL,
  type BrowserAIProvider,
  type BrowserAIProviderSettings,
  browserai,
  createBrowserAI,
} from './browserai-provider';
export {
  BROWSERAI_PROVIDER_NAME,
  type BrowserAIRef,
  formatBrowserAIRef,
  parseBrowserAIRef,
} from './browserai-ref';
export { mapBrowserAIStatus } from './map-browserai-status';
export { VERSION } from './version';
