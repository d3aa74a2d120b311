import { type HttpClient, type JsonResponse, type RequestOptions, validatePathSegment } from '@x/core';
import type { BrowserAIResults, BrowserAITask } from './browserai-api-types';
import { checkBrowserAIResults, checkBrowserAITask } from './browserai-response-guards';

/** BrowserAI's own endpoints, typed as its spec. Each validates the session id before any request. */
export interface BrowserAIApi {
  /**
   * `GET /tasks/{session_id}`: the task's metadata and status (execution id, script, progress and logs,
   * start and estimated completion).
   */
  getTask(sessionId: string, options?: RequestOptions): Promise<BrowserAITask>;
  /** `GET /results/{session_id}`: the task's results, one entry per step of its history. */
  getResults(sessionId: string, options?: RequestOptions): Promise<BrowserAIResults>;
}

/** The same endpoints, answering with the response headers and request id too (used by `getTask`). */
export interface BrowserAIApiWithResponse {
  getTask(sessionId: string, options?: RequestOptions): Promise<JsonResponse<BrowserAITask>>;
  getResults(sessionId: string, options?: RequestOptions): Promise<JsonResponse<BrowserAIResults>>;
}

/** Session ids are free strings: validated (`InvalidArgumentError` naming `sessionId`) and percent-encoded. */
function sessionPath(endpoint: string, sessionId: string): string {
  return `/${endpoint}/${encodeURIComponent(validatePathSegment(sessionId, 'sessionId'))}`;
}

/** BrowserAI's endpoints over an HTTP client, with the response details. */
export function createBrowserAIApiWithResponse(http: HttpClient): BrowserAIApiWithResponse {
  return {
    getTask(sessionId, options = {}) {
      const path = sessionPath('tasks', sessionId);
      return http.getJson<BrowserAITask>(path, { ...options, validate: checkBrowserAITask });
    },
    getResults(sessionId, options = {}) {
      const path = sessionPath('results', sessionId);
      return http.getJson<BrowserAIResults>(path, { ...options, validate: checkBrowserAIResults });
    },
  };
}

/** BrowserAI's endpoints over an HTTP client, answering with the bodies. */
export function createBrowserAIApi(http: HttpClient): BrowserAIApi {
  const withResponse = createBrowserAIApiWithResponse(http);
  return {
    getTask: async (sessionId, options) => (await withResponse.getTask(sessionId, options)).data,
    getResults: async (sessionId, options) => (await withResponse.getResults(sessionId, options)).data,
  };
}
