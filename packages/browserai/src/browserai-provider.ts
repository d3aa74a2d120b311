import {
  createHttpClient,
  isTerminalStatus,
  NotFoundError,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  withSafeInspect,
} from '@x/core';
import { type BrowserAIApi, createBrowserAIApi, createBrowserAIApiWithResponse } from './browserai-api';
import type { BrowserAITaskRaw } from './browserai-api-types';
import { extractBrowserAIErrorMessage } from './browserai-error';
import {
  BROWSERAI_PROVIDER_NAME,
  type BrowserAIRef,
  formatBrowserAIRef,
  parseBrowserAIRef,
} from './browserai-ref';
import { convertBrowserAITask } from './convert-browserai-task';
import { mapBrowserAIStatus } from './map-browserai-status';
import { VERSION } from './version';

/** BrowserAI's production API. */
export const BROWSERAI_DEFAULT_BASE_URL = 'https://browser.ai/api/v1';

/** Options of `createBrowserAI`, all optional; only `apiKey` and `baseURL` read the environment. */
export interface BrowserAIProviderSettings extends ProviderSettings {
  /** The API key, sent as `Authorization: apikey <KEY>`. Default: the `BROWSERAI_API_KEY` environment variable, read at each call. */
  apiKey?: string | undefined;
  /** The base URL. Default: the `BROWSERAI_BASE_URL` environment variable, else `https://browser.ai/api/v1`. */
  baseURL?: string | undefined;
}

/** The BrowserAI provider: the normalized task contract plus the vendor's own endpoints under `api`. */
export interface BrowserAIProvider extends TaskProvider<BrowserAIRef, BrowserAITaskRaw> {
  readonly name: 'browserai';
  /** BrowserAI's endpoints typed as its spec: `api.getTask(sessionId)`, `api.getResults(sessionId)`. */
  readonly api: BrowserAIApi;
  /**
   * Reads a task (`GET /tasks/{session_id}`) and, once it is terminal or paused, its results
   * (`GET /results/{session_id}`), normalized. `ref`: the session id (or `"browserai:<sessionId>"`),
   * checked before any request.
   */
  getTask(ref: BrowserAIRef, options?: RequestOptions): Promise<Task<BrowserAITaskRaw>>;
  /** Parses `"browserai:<sessionId>"` (or a bare session id). Throws `InvalidArgumentError`. */
  parseRef(text: string): BrowserAIRef;
  /** Prints `"browserai:<sessionId>"`. Throws `InvalidArgumentError` for an invalid session id. */
  formatRef(ref: BrowserAIRef): string;
}

/**
 * Creates a BrowserAI provider. Bad settings throw `InvalidArgumentError` here; the key and environment
 * are read at each call, so a missing key fails the first call, not this one.
 */
export function createBrowserAI(settings: BrowserAIProviderSettings = {}): BrowserAIProvider {
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
    provider: BROWSERAI_PROVIDER_NAME,
    packageName: '@x/browserai',
    packageVersion: VERSION,
    apiKeyEnvironmentVariable: 'BROWSERAI_API_KEY',
    baseURLEnvironmentVariable: 'BROWSERAI_BASE_URL',
    defaultBaseURL: BROWSERAI_DEFAULT_BASE_URL,
    authHeaders: (apiKey) => ({ authorization: `apikey ${apiKey}` }),
    extractErrorMessage: extractBrowserAIErrorMessage,
  });
  const endpoints = createBrowserAIApiWithResponse(http);

  const provider: BrowserAIProvider = {
    name: BROWSERAI_PROVIDER_NAME,
    api: createBrowserAIApi(http),
    async getTask(ref, options = {}) {
      const sessionId = parseBrowserAIRef(ref);
      const task = await endpoints.getTask(sessionId, options);
      const status = mapBrowserAIStatus(task.data.status);
      const wantsResults = isTerminalStatus(status) || status === 'paused';
      const results = wantsResults ? await readResults(sessionId, options) : undefined;
      return convertBrowserAITask({ sessionId, task, results });
    },
    parseRef: parseBrowserAIRef,
    formatRef: formatBrowserAIRef,
  };

  /** A finished run may have no results yet (or ever): a 404 there leaves the task without them. */
  async function readResults(sessionId: string, options: RequestOptions) {
    try {
      return await endpoints.getResults(sessionId, options);
    } catch (error) {
      if (NotFoundError.isInstance(error)) return undefined;
      throw error;
    }
  }

  return withSafeInspect(provider, 'BrowserAIProvider', () => ({
    name: BROWSERAI_PROVIDER_NAME,
    baseURL: http.baseURL(),
  }));
}

/** The default provider, `createBrowserAI()`: key and base URL from the environment. Importing it never throws. */
export const browserai: BrowserAIProvider = createBrowserAI();
