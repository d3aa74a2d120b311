import {
  createHttpClient,
  type FetchFunction,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  type WaitForTaskOptions,
  waitForTask,
  watchTask,
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

/** Options of `createBrowserUse`. Every one is optional. */
export interface BrowserUseProviderSettings extends ProviderSettings {
  /**
   * The Browser Use API key, sent as the `X-Browser-Use-API-Key` header.
   * Default: the `BROWSER_USE_API_KEY` environment variable, read at each call (a missing key fails
   * the first call with `MissingApiKeyError`, never the import).
   */
  apiKey?: string;
  /**
   * The API's base URL, trailing slash removed.
   * Default: the `BROWSER_USE_BASE_URL` environment variable, else `https://api.browser-use.com/api/v2`.
   */
  baseURL?: string;
  /** Custom `fetch`, for proxies, middleware or tests. Default: the global `fetch`. No environment variable. */
  fetch?: FetchFunction;
  /** Headers sent with every request (per-call `headers` override them). Default: none. No environment variable. */
  headers?: Record<string, string>;
  /** Timeout per attempt in milliseconds, covering headers and body. Default: 60,000. No environment variable. */
  timeoutMs?: number;
  /**
   * Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx.
   * Default: 2. No environment variable.
   */
  maxRetries?: number;
  /** Largest response body read, in bytes (`ResponseTooLargeError` past it). Default: 16 MiB. No environment variable. */
  maxResponseBytes?: number;
  /**
   * Longest wait before a retry, server hints included (`Retry-After`, the 429 body's `retry_after_seconds`).
   * Default: 60,000 ms. No environment variable.
   */
  maxRetryDelayMs?: number;
}

/** The Browser Use provider: the normalized task contract plus Browser Use's own endpoints under `api`. */
export interface BrowserUseProvider extends TaskProvider<BrowserUseRef, BrowserUseTaskView> {
  readonly name: 'browser-use';
  /** Browser Use's endpoints, typed as its spec: `api.getTask(taskId)`, `api.getTaskStatus(taskId)`. */
  readonly api: BrowserUseApi;
  /**
   * `GET /tasks/{task_id}`, normalized: status, steps, artifacts, cost, metadata, and the `TaskView` in `raw`.
   * `ref` is the task's uuid (`browser-use:<uuid>` is accepted too); anything else throws
   * `InvalidArgumentError` before any request.
   */
  getTask(ref: BrowserUseRef, options?: RequestOptions): Promise<Task<BrowserUseTaskView>>;
  /**
   * `GET /tasks/{task_id}/status`, the light view made for polling: status, output, error, cost,
   * `finishedAt` and `metadata.isSuccess`; no steps. `raw` is the `TaskStatusView`.
   */
  pollTask(ref: BrowserUseRef, options?: RequestOptions): Promise<Task<BrowserUseTaskStatusView>>;
  /** Parses `browser-use:<uuid>` or a bare uuid. Throws `InvalidArgumentError`. */
  parseRef(text: string): BrowserUseRef;
  /** Prints `browser-use:<uuid>`. Throws `InvalidArgumentError` unless `ref` is a uuid. */
  formatRef(ref: BrowserUseRef): string;
  /**
   * Waits until the task is terminal: polls the light `/status` view, then reads the full task once.
   * Same options as `waitForTask` from `@x/core`.
   */
  waitForTask(ref: BrowserUseRef, options?: WaitForTaskOptions): Promise<Task<BrowserUseTaskView>>;
  /** Yields the full task at each change of status, steps or artifacts, until it is terminal. */
  watchTask(
    ref: BrowserUseRef,
    options?: WaitForTaskOptions,
  ): AsyncGenerator<Task<BrowserUseTaskView>, void, void>;
}

/**
 * Creates a Browser Use provider. Settings are checked at once (`InvalidArgumentError`); the key and
 * the environment are read at each call, so creating a provider never fails for a missing key.
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
    waitForTask: (ref, options) => waitForTask(provider, ref, options),
    watchTask: (ref, options) => watchTask(provider, ref, options),
  };
  return withSafeInspect(provider, 'BrowserUseProvider', () => ({
    name: provider.name,
    baseURL: http.baseURL(),
  }));
}

/**
 * The default provider: key from `BROWSER_USE_API_KEY`, base URL from `BROWSER_USE_BASE_URL` or
 * Browser Use's production API. Importing it never throws; a missing key fails the first call.
 */
export const browserUse: BrowserUseProvider = createBrowserUse();
