import {
  createHttpClient,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  withSafeInspect,
} from '@x/core';
import {
  type BrowserUseApi,
  createBrowserUseApi,
  getBrowserUseTask,
  getBrowserUseTaskStatus,
} from './browser-use-api';
import type { BrowserUseTaskStatusView, BrowserUseTaskView } from './browser-use-api-types';
import { browserUseRetryAfterFromBody, extractBrowserUseErrorMessage } from './browser-use-error';
import { type BrowserUseRef, formatBrowserUseRef, parseBrowserUseRef } from './browser-use-ref';
import { convertBrowserUseTask } from './convert-browser-use-task';
import { convertBrowserUseTaskStatus } from './convert-browser-use-task-status';
import { VERSION } from './version';

/** Browser Use's production API. */
export const BROWSER_USE_DEFAULT_BASE_URL = 'https://api.browser-use.com/api/v2';

/** Options of `createBrowserUse`, all optional; only `apiKey` and `baseURL` read the environment. */
export interface BrowserUseProviderSettings extends ProviderSettings {
  /**
   * The API key, sent as the `X-Browser-Use-API-Key` header. Default: the `BROWSER_USE_API_KEY` environment
   * variable, read at each call (a missing key fails the first call with `MissingApiKeyError`, never the import).
   */
  apiKey?: string | undefined;
  /** The base URL, trailing slash removed. Default: the `BROWSER_USE_BASE_URL` environment variable, else `https://api.browser-use.com/api/v2`. */
  baseURL?: string | undefined;
  /**
   * Longest wait before a retry, server hints included (`Retry-After`, the 429 body's `retry_after_seconds`).
   * Default: 60,000 ms.
   */
  maxRetryDelayMs?: number | undefined;
}

/** The Browser Use provider: the normalized task contract plus the vendor's own endpoints under `api`. */
export interface BrowserUseProvider extends TaskProvider<BrowserUseRef, BrowserUseTaskView> {
  readonly name: 'browser-use';
  /** Browser Use's endpoints, typed as its spec: `api.getTask(taskId)`, `api.getTaskStatus(taskId)`. */
  readonly api: BrowserUseApi;
  /**
   * `GET /tasks/{task_id}`, normalized, the `TaskView` in `raw`. `ref`: the task uuid (or `browser-use:<uuid>`);
   * anything else throws `InvalidArgumentError` before any request.
   */
  getTask(ref: BrowserUseRef, options?: RequestOptions): Promise<Task<BrowserUseTaskView>>;
  /** `GET /tasks/{task_id}/status`, the light polling view: status, output, error, cost, `finishedAt`, `metadata.isSuccess`; no steps. `raw`: the `TaskStatusView`. */
  pollTask(ref: BrowserUseRef, options?: RequestOptions): Promise<Task<BrowserUseTaskStatusView>>;
  /** Parses `browser-use:<uuid>` or a bare uuid. Throws `InvalidArgumentError`. */
  parseRef(text: string): BrowserUseRef;
  /** Prints `browser-use:<uuid>`. Throws `InvalidArgumentError` unless `ref` is a uuid. */
  formatRef(ref: BrowserUseRef): string;
}

/**
 * Creates a Browser Use provider. Bad settings throw `InvalidArgumentError` here; the key and environment
 * are read at each call, so a missing key fails the first call, not this one.
 */
export function createBrowserUse(settings: BrowserUseProviderSettings = {}): BrowserUseProvider {
  const http = createHttpClient({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    fetch: settings.fetch,
    headers: settings.headers,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    maxResponseBytes: settings.maxResponseBytes,
    maxRetryDelayMs: settings.maxRetryDelayMs,
    initialRetryDelayMs: settings.initialRetryDelayMs,
    provider: 'browser-use',
    packageName: '@x/browser-use',
    packageVersion: VERSION,
    apiKeyEnvironmentVariable: 'BROWSER_USE_API_KEY',
    baseURLEnvironmentVariable: 'BROWSER_USE_BASE_URL',
    defaultBaseURL: BROWSER_USE_DEFAULT_BASE_URL,
    authHeaders: (apiKey) => ({ 'X-Browser-Use-API-Key': apiKey }),
    extractErrorMessage: extractBrowserUseErrorMessage,
    retryAfterFromBody: browserUseRetryAfterFromBody,
  });

  const provider: BrowserUseProvider = {
    name: 'browser-use',
    api: createBrowserUseApi(http),
    async getTask(ref, options) {
      const taskId = parseBrowserUseRef(ref);
      return convertBrowserUseTask(await getBrowserUseTask(http, taskId, options), taskId);
    },
    async pollTask(ref, options) {
      const taskId = parseBrowserUseRef(ref);
      return convertBrowserUseTaskStatus(await getBrowserUseTaskStatus(http, taskId, options), taskId);
    },
    parseRef: parseBrowserUseRef,
    formatRef: formatBrowserUseRef,
  };
  return withSafeInspect(provider, 'BrowserUseProvider', () => ({
    name: provider.name,
    baseURL: http.baseURL(),
  }));
}

/** The default provider, `createBrowserUse()`: key and base URL from the environment. Importing it never throws. */
export const browserUse: BrowserUseProvider = createBrowserUse();
