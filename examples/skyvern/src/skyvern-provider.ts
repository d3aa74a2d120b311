import {
  createHttpClient,
  type ProviderSettings,
  type RequestOptions,
  type Task,
  type TaskProvider,
  withSafeInspect,
} from '@x/core';
import { convertSkyvernTask } from './convert-skyvern-task';
import { createSkyvernApi, createSkyvernApiRequests, type SkyvernApi } from './skyvern-api';
import type { SkyvernRun } from './skyvern-api-types';
import { extractSkyvernErrorMessage } from './skyvern-error';
import { formatSkyvernRef, parseSkyvernRef, SKYVERN_PROVIDER_NAME, type SkyvernRef } from './skyvern-ref';
import { VERSION } from './version';

/** Skyvern Cloud's API (the spec's server; a self-hosted Skyvern serves the same paths). */
export const SKYVERN_DEFAULT_BASE_URL = 'https://api.skyvern.com';

/** Options of `createSkyvern`. */
export interface SkyvernProviderSettings extends ProviderSettings {
  // Only the options whose doc names this vendor; the rest (fetch, headers, timeouts, retries) are
  // ProviderSettings' own, documented there.
  /** The API key, sent as the `x-api-key` header. Default: `process.env.SKYVERN_API_KEY`, read at each call. */
  apiKey?: string | undefined;
  /** The API's base URL. Default: `process.env.SKYVERN_BASE_URL`, else `SKYVERN_DEFAULT_BASE_URL`. A trailing slash is removed. */
  baseURL?: string | undefined;
}

/** The Skyvern provider: the normalized task contract plus the vendor's own endpoints under `api`. */
export interface SkyvernProvider extends TaskProvider<SkyvernRef, SkyvernRun> {
  /** `'skyvern'`, also the prefix of string references. */
  readonly name: 'skyvern';
  /** Skyvern's endpoints, typed as its spec: `api.getRun(runId)`. */
  readonly api: SkyvernApi;
  /**
   * Reads a run (`GET /v1/runs/{run_id}`), normalized; `task.raw` is the run as sent. `ref` is the run id
   * (`tsk_…` or `wr_…`; the string form `skyvern:<run_id>` is accepted too), checked before any request.
   */
  getTask(ref: SkyvernRef, options?: RequestOptions): Promise<Task<SkyvernRun>>;
  /** Parses `skyvern:<run_id>` (or a bare run id). Throws `InvalidArgumentError`. */
  parseRef(text: string): SkyvernRef;
  /** Prints `skyvern:<run_id>`. Throws `InvalidArgumentError` for an invalid run id. */
  formatRef(ref: SkyvernRef): string;
}

/**
 * Creates a Skyvern provider. Settings are checked at once (`InvalidArgumentError`); the key is read
 * at each request, so a missing key is reported on the first call, never here.
 *
 * @example
 * const skyvern = createSkyvern({ apiKey: process.env.SKYVERN_API_KEY });
 * const task = await waitForTask(skyvern, 'tsk_v2_123'); // from '@x/core'
 */
export function createSkyvern(settings: SkyvernProviderSettings = {}): SkyvernProvider {
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
    provider: SKYVERN_PROVIDER_NAME,
    packageName: '@x-examples/skyvern',
    packageVersion: VERSION,
    apiKeyEnvironmentVariable: 'SKYVERN_API_KEY',
    baseURLEnvironmentVariable: 'SKYVERN_BASE_URL',
    defaultBaseURL: SKYVERN_DEFAULT_BASE_URL,
    authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
    extractErrorMessage: extractSkyvernErrorMessage,
  });
  const requests = createSkyvernApiRequests(http);

  const provider: SkyvernProvider = {
    name: SKYVERN_PROVIDER_NAME,
    api: createSkyvernApi(http),
    async getTask(ref, options = {}) {
      const runId = parseSkyvernRef(ref);
      return convertSkyvernTask(runId, await requests.getRun(runId, options));
    },
    parseRef: parseSkyvernRef,
    formatRef: formatSkyvernRef,
  };
  return withSafeInspect(provider, 'SkyvernProvider', () => ({
    name: SKYVERN_PROVIDER_NAME,
    baseURL: http.baseURL(),
  }));
}

/**
 * The default provider: key from `SKYVERN_API_KEY`, base URL from `SKYVERN_BASE_URL` or
 * `SKYVERN_DEFAULT_BASE_URL`. Creating it never throws; a missing key is reported at the first call.
 */
export const skyvern: SkyvernProvider = createSkyvern();
