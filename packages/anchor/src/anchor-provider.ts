import {
  createHttpClient,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  withSafeInspect,
} from '@x/core';
import { type AnchorApi, createAnchorApi, createAnchorApiRequests } from './anchor-api';
import type { AnchorTaskExecutionResult, AnchorTaskRaw, AnchorTaskRunStatus } from './anchor-api-types';
import { extractAnchorErrorMessage } from './anchor-error';
import {
  ANCHOR_PROVIDER_NAME,
  type AnchorRunRef,
  type AnchorTaskRef,
  assertAnchorRef,
  formatAnchorRef,
  isAnchorRunRef,
  parseAnchorRef,
} from './anchor-ref';
import { convertAnchorTask } from './convert-anchor-task';
import { VERSION } from './version';

/** Anchor Browser's production API. */
export const ANCHOR_DEFAULT_BASE_URL = 'https://api.anchorbrowser.io';

/** Options of `createAnchor`, all optional; only `apiKey` and `baseURL` read the environment. */
export interface AnchorProviderSettings extends ProviderSettings {
  /** The API key, sent as the `anchor-api-key` header. Default: `process.env.ANCHORBROWSER_API_KEY`, read at each call. */
  apiKey?: string | undefined;
  /** The base URL, trailing slash removed. Default: `process.env.ANCHORBROWSER_BASE_URL`, else `https://api.anchorbrowser.io`. */
  baseURL?: string | undefined;
}

/** The `raw` type of the task a reference reads: the run status for `{ runId }`, else the execution result. */
export type AnchorTaskRawOf<R extends AnchorTaskRef> = R extends AnchorRunRef
  ? AnchorTaskRunStatus
  : AnchorTaskExecutionResult;

/** The Anchor Browser provider: the normalized task contract plus the vendor's own endpoints under `api`. */
export interface AnchorProvider extends TaskProvider<AnchorTaskRef, AnchorTaskRaw> {
  /** `'anchor'`, also the prefix of string references. */
  readonly name: 'anchor';
  /** Anchor's endpoints, typed as its spec: `getTaskExecutionResult`, `getTaskRunStatus`. */
  readonly api: AnchorApi;
  /**
   * Reads a task, normalized: `{ taskId, executionId }` from `GET /v1/task/{taskId}/executions/{executionId}`,
   * `{ runId }` from `GET /v2/tasks/runs/{runId}/status`. Ids are checked before any request
   * (`InvalidArgumentError` naming `taskId`, `executionId` or `runId`).
   */
  getTask<R extends AnchorTaskRef>(ref: R, options?: RequestOptions): Promise<Task<AnchorTaskRawOf<R>>>;
  /** Parses `anchor:<taskId>/<executionId>` or `anchor:run/<runId>` (prefix optional). Throws `InvalidArgumentError`. */
  parseRef(text: string): AnchorTaskRef;
  /** Prints `anchor:<taskId>/<executionId>` or `anchor:run/<runId>`. Throws `InvalidArgumentError`. */
  formatRef(ref: AnchorTaskRef): string;
}

/**
 * Creates an Anchor Browser provider. Bad settings throw `InvalidArgumentError` here; the key is read
 * at each request, so a missing key never fails here.
 *
 * @example
 * const anchor = createAnchor({ apiKey: process.env.ANCHORBROWSER_API_KEY });
 * const task = await waitForTask(anchor, { runId }); // waitForTask from '@x/core'
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
    provider: ANCHOR_PROVIDER_NAME,
    packageName: '@x/anchor',
    packageVersion: VERSION,
    apiKeyEnvironmentVariable: 'ANCHORBROWSER_API_KEY',
    baseURLEnvironmentVariable: 'ANCHORBROWSER_BASE_URL',
    defaultBaseURL: ANCHOR_DEFAULT_BASE_URL,
    authHeaders: (apiKey) => ({ 'anchor-api-key': apiKey }),
    extractErrorMessage: extractAnchorErrorMessage,
  });
  const requests = createAnchorApiRequests(http);
  const summary = () => ({ name: ANCHOR_PROVIDER_NAME, baseURL: http.baseURL() });
  const api = withSafeInspect(createAnchorApi(http), 'AnchorApi', summary);

  async function getTask(ref: AnchorTaskRef, options?: RequestOptions): Promise<Task<AnchorTaskRaw>> {
    const checked = assertAnchorRef(ref);
    if (isAnchorRunRef(checked)) {
      return convertAnchorTask(checked, await requests.getTaskRunStatus(checked.runId, options));
    }
    const response = await requests.getTaskExecutionResult(checked.taskId, checked.executionId, options);
    return convertAnchorTask(checked, response);
  }

  const anchor = {
    name: ANCHOR_PROVIDER_NAME,
    api,
    getTask,
    parseRef: parseAnchorRef,
    formatRef: formatAnchorRef,
  };
  // The generic signature only narrows `raw` by the kind of reference; `getTask` above returns the
  // matching body for each kind.
  return withSafeInspect(anchor as AnchorProvider, 'AnchorProvider', summary);
}

/** The default provider, `createAnchor()`: key and base URL from the environment. Importing it never throws. */
export const anchor: AnchorProvider = createAnchor();
