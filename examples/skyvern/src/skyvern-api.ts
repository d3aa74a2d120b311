import {
  buildPath,
  type HttpClient,
  type JsonResponse,
  type RequestOptions,
  validatePathSegment,
} from '@x/core';
import type { SkyvernRun } from './skyvern-api-types';
import { checkSkyvernRun } from './skyvern-response-guards';

/** Skyvern's own endpoints, typed as its spec. Each checks its ids before any request. */
export interface SkyvernApi {
  /**
   * `GET /v1/runs/{run_id}` ("Get run info by id"; Skyvern's SDKs call it `getRun` / `get_run`): a task run
   * or a workflow run, as Skyvern sends it. `runId` must be a valid path segment (`InvalidArgumentError`
   * naming `runId` otherwise, before any request); a body without the spec's required fields is an
   * `InvalidResponseError`.
   */
  getRun(runId: string, options?: RequestOptions): Promise<SkyvernRun>;
}

/** The same endpoints, with the response's status, headers and request id: what `getTask` builds on. */
export interface SkyvernApiRequests {
  getRun(runId: string, options?: RequestOptions): Promise<JsonResponse<SkyvernRun>>;
}

/** The endpoints with their full responses (internal). */
export function createSkyvernApiRequests(http: HttpClient): SkyvernApiRequests {
  return {
    getRun(runId, options = {}) {
      const path = buildPath('/v1/runs/{run_id}', { run_id: validatePathSegment(runId, 'runId') });
      return http.getJson<SkyvernRun>(path, { ...options, validate: checkSkyvernRun });
    },
  };
}

/** The endpoints, answering with the bodies typed as the spec. */
export function createSkyvernApi(http: HttpClient): SkyvernApi {
  const requests = createSkyvernApiRequests(http);
  return {
    getRun: async (runId, options) => (await requests.getRun(runId, options)).data,
  };
}
