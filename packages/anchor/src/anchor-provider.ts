import {
  createHttpClient,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  type WaitForTaskOptions,
  waitForTask,
  watchTask,
  withSafeInspect,
} from '@x/core';
import { type AnchorApi, createAnchorApi, createAnchorApiRequests } from './anchor-api';
import type { AnchorTaskExecutionResult, AnchorTaskRaw, AnchorTaskRunStatus } from './anchor-api-types';
import { extractAnchorErrorMessage } from './anchor-error';
import {
  type AnchorRunRef,
  type AnchorTaskRef,
  assertAnchorRef,
  formatAnchorRef,
  isAnchorRunRef,
  parseAnchorRef,
} from './anchor-ref';
import { convertAnchorTask } from './convert-anchor-task';
import { VERSION } from './version';

/** Options of `createAnchor`. */
export interface AnchorProviderSettings extends ProviderSettings {
  /** The API key, sent as the `anchor-api-key` header. Default: `process.env.ANCHORBROWSER_API_KEY`, read at each call. */
  apiKey?: string;
  /**
   * The API's base URL. Default: `process.env.ANCHORBROWSER_BASE_URL`, else `https://api.anchorbrowser.io`.
   * A trailing slash is removed.
   */
  baseURL?: string;
  /** Custom `fetch`, for proxies, middleware or tests. Default: the global `fetch`. */
  fetch?: ProviderSettings['fetch'];
  /** Headers sent with every request. Default: none. No environment variable. */
  headers?: Record<string, string>;
  /** Timeout per attempt in milliseconds, covering headers and body. Default: 60,000. No environment variable. */
  timeoutMs?: number;
  /** Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx. Default: 2. No environment variable. */
  maxRetries?: number;
  /** Largest response body read, in bytes (`ResponseTooLargeError` beyond). Default: 16 MiB. No environment variable. */
  maxResponseBytes?: number;
  /** Longest wait before a retry, `Retry-After` included. Default: 60,000 ms. No environment variable. */
  maxRetryDelayMs?: number;
}

/** The `raw` type of the task a reference reads: the run status for `{ runId }`, else the execution result. */
export type AnchorTaskRawOf<R extends AnchorTaskRef> = R extends AnchorRunRef
  ? AnchorTaskRunStatus
  : AnchorTaskExecutionResult;

/** The Anchor Browser provider: the normalized task API plus Anchor's own endpoints under `api`. */
export interface AnchorProvider extends TaskProvider<AnchorTaskRef, AnchorTaskRaw> {
  /** `'anchor'`, also the prefix of string references. */
  readonly name: 'anchor';
  /** Anchor's endpoints, typed as its spec: `getTaskExecutionResult`, `getTaskRunStatus`. */
  readonly api: AnchorApi;
  /**
   * Reads a task, normalized. `{ taskId, executionId }` reads `GET /v1/task/{taskId}/executions/{executionId}`,
   * `{ runId }` reads `GET /v2/tasks/runs/{runId}/status`. The reference is checked before any request
   * (`InvalidArgumentError` naming `taskId`, `executionId` or `runId`).
   */
  getTask<R extends AnchorTaskRef>(ref: R, options?: RequestOptions): Promise<Task<AnchorTaskRawOf<R>>>;
  /** Parses `anchor:<taskId>/<executionId>` or `anchor:run/<runId>` (prefix optional). Throws `InvalidArgumentError`. */
  parseRef(text: string): AnchorTaskRef;
  /** Prints `anchor:<taskId>/<executionId>` or `anchor:run/<runId>`. Throws `InvalidArgumentError`. */
  formatRef(ref: AnchorTaskRef): string;
  /**
   * Polls the task until it is terminal and resolves with it (core's `waitForTask` with this provider).
   * Rejects with `TaskWaitTimeoutError` after `options.timeoutMs` (default 600,000 ms).
   */
  waitForTask<R extends AnchorTaskRef>(
    ref: R,
    options?: WaitForTaskOptions,
  ): Promise<Task<AnchorTaskRawOf<R>>>;
  /** Yields the task each time its status changes, until it is terminal (core's `watchTask` with this provider). */
  watchTask<R extends AnchorTaskRef>(
    ref: R,
    options?: WaitForTaskOptions,
  ): AsyncGenerator<Task<AnchorTaskRawOf<R>>, void, void>;
}

/**
 * Creates an Anchor Browser provider. Settings are checked at once (`InvalidArgumentError`); the key
 * is read at the first request, so a missing key never fails here.
 *
 * @example
 * const anchor = createAnchor({ apiKey: process.env.ANCHORBROWSER_API_KEY });
 * const task = await anchor.waitForTask({ runId });
 */
export function createAnchor(settings: AnchorProviderSettings = {}): AnchorProvider {
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
    provider: 'anchor',
    packageName: '@x/anchor',
    packageVersion: VERSION,
    apiKeyEnvironmentVariable: 'ANCHORBROWSER_API_KEY',
    baseURLEnvironmentVariable: 'ANCHORBROWSER_BASE_URL',
    defaultBaseURL: 'https://api.anchorbrowser.io',
    authHeaders: (apiKey) => ({ 'anchor-api-key': apiKey }),
    extractErrorMessage: extractAnchorErrorMessage,
  });
  const requests = createAnchorApiRequests(http);
  const summary = () => ({ name: 'anchor', baseURL: http.baseURL() });
  const api = withSafeInspect(createAnchorApi(http), 'AnchorApi', summary);

  async function getTask(ref: AnchorTaskRef, options?: RequestOptions): Promise<Task<AnchorTaskRaw>> {
    const checked = assertAnchorRef(ref);
    if (isAnchorRunRef(checked)) {
      return convertAnchorTask(checked, await requests.getTaskRunStatus(checked.runId, options));
    }
    const response = await requests.getTaskExecutionResult(checked.taskId, checked.executionId, options);
    return convertAnchorTask(checked, response);
  }

  const provider: TaskProvider<AnchorTaskRef, AnchorTaskRaw> = {
    name: 'anchor',
    getTask,
    parseRef: parseAnchorRef,
    formatRef: formatAnchorRef,
  };
  const anchor = {
    ...provider,
    name: 'anchor' as const,
    api,
    waitForTask: (ref: AnchorTaskRef, options?: WaitForTaskOptions) => waitForTask(provider, ref, options),
    watchTask: (ref: AnchorTaskRef, options?: WaitForTaskOptions) => watchTask(provider, ref, options),
  };
  // The generic signatures only narrow `raw` by the kind of reference; the implementations above
  // return the matching body for each kind.
  return withSafeInspect(anchor as unknown as AnchorProvider, 'AnchorProvider', summary);
}

/**
 * The default provider: key from `ANCHORBROWSER_API_KEY`, base URL from `ANCHORBROWSER_BASE_URL` or
 * `https://api.anchorbrowser.io`. Creating it never throws; a missing key is reported at the first call.
 */
export const anchor: AnchorProvider = createAnchor();
