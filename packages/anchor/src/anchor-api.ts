import {
  assertUuid,
  buildPath,
  type HttpClient,
  type JsonResponse,
  type RequestOptions,
  validatePathSegment,
} from '@x/core';
import type {
  AnchorTaskExecutionResult,
  AnchorTaskExecutionResultResponse,
  AnchorTaskRunStatus,
} from './anchor-api-types';
import { checkAnchorTaskExecutionResultResponse, checkAnchorTaskRunStatus } from './anchor-response-guards';

/** Anchor Browser's own endpoints, typed as its spec. Each checks its ids before any request. */
export interface AnchorApi {
  /**
   * `GET /v1/task/{taskId}/executions/{executionId}`: Get Task Execution Result (legacy tasks API).
   * Returns the body's `data`. Both ids must be uuids (`InvalidArgumentError` otherwise, before any request);
   * a body without a `data` object is an `InvalidResponseError`.
   */
  getTaskExecutionResult(
    taskId: string,
    executionId: string,
    options?: RequestOptions,
  ): Promise<AnchorTaskExecutionResult>;
  /**
   * `GET /v2/tasks/runs/{runId}/status`: Get Task Run Status (v2 tasks API; Anchor's SDK calls it
   * `client.tasks.runs.getStatus(runID)`). The body is returned as is (the spec does not wrap it in `data`).
   * `runId` must be a valid path segment (the spec does not type it as a uuid).
   */
  getTaskRunStatus(runId: string, options?: RequestOptions): Promise<AnchorTaskRunStatus>;
}

/** The same endpoints, with the response's status, headers and request id: what `getTask` builds on. */
export interface AnchorApiRequests {
  getTaskExecutionResult(
    taskId: string,
    executionId: string,
    options?: RequestOptions,
  ): Promise<JsonResponse<AnchorTaskExecutionResult>>;
  getTaskRunStatus(runId: string, options?: RequestOptions): Promise<JsonResponse<AnchorTaskRunStatus>>;
}

/** The endpoints with their full responses (internal). */
export function createAnchorApiRequests(http: HttpClient): AnchorApiRequests {
  return {
    async getTaskExecutionResult(taskId, executionId, options = {}) {
      // A uuid is a safe path segment as it is: no further check nor encoding needed.
      const path = `/v1/task/${assertUuid(taskId, 'taskId')}/executions/${assertUuid(executionId, 'executionId')}`;
      const response = await http.getJson<AnchorTaskExecutionResultResponse>(path, {
        ...options,
        validate: checkAnchorTaskExecutionResultResponse,
      });
      return { ...response, data: response.data.data };
    },
    async getTaskRunStatus(runId, options = {}) {
      validatePathSegment(runId, 'runId');
      const path = buildPath('/v2/tasks/runs/{runId}/status', { runId });
      return http.getJson<AnchorTaskRunStatus>(path, { ...options, validate: checkAnchorTaskRunStatus });
    },
  };
}

/** Anchor's endpoints, returning the bodies typed as the spec. */
export function createAnchorApi(http: HttpClient): AnchorApi {
  const requests = createAnchorApiRequests(http);
  return {
    async getTaskExecutionResult(taskId, executionId, options) {
      return (await requests.getTaskExecutionResult(taskId, executionId, options)).data;
    },
    async getTaskRunStatus(runId, options) {
      return (await requests.getTaskRunStatus(runId, options)).data;
    },
  };
}
