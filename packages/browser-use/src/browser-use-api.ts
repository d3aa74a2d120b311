import { assertUuid, type HttpClient, type JsonResponse, type RequestOptions } from '@x/core';
import type { BrowserUseTaskStatusView, BrowserUseTaskView } from './browser-use-api-types';
import { checkBrowserUseTaskStatusView, checkBrowserUseTaskView } from './browser-use-response-guards';

/** Browser Use's own endpoints, typed as its API v2 spec. Each call returns the vendor's body as sent. */
export interface BrowserUseApi {
  /**
   * `GET /tasks/{task_id}` (Browser Use: "Get Task"): the full `TaskView` with steps and output files.
   * Throws `InvalidArgumentError` before any request unless `taskId` is a uuid.
   */
  getTask(taskId: string, options?: RequestOptions): Promise<BrowserUseTaskView>;
  /**
   * `GET /tasks/{task_id}/status` (Browser Use: "Get Task Status"): the light `TaskStatusView`
   * (`id`, `status`, `output`, `finishedAt`, `isSuccess`, `cost`) the vendor recommends for polling.
   * Throws `InvalidArgumentError` before any request unless `taskId` is a uuid.
   */
  getTaskStatus(taskId: string, options?: RequestOptions): Promise<BrowserUseTaskStatusView>;
}

/** `GET /tasks/{task_id}` with the response's headers and request id. */
export function getBrowserUseTask(
  http: HttpClient,
  taskId: string,
  options?: RequestOptions,
): Promise<JsonResponse<BrowserUseTaskView>> {
  // A uuid is a safe path segment as it is: no further check nor encoding needed.
  const path = `/tasks/${assertUuid(taskId, 'taskId')}`;
  return http.getJson<BrowserUseTaskView>(path, { ...options, validate: checkBrowserUseTaskView });
}

/** `GET /tasks/{task_id}/status` with the response's headers and request id. */
export function getBrowserUseTaskStatus(
  http: HttpClient,
  taskId: string,
  options?: RequestOptions,
): Promise<JsonResponse<BrowserUseTaskStatusView>> {
  const path = `/tasks/${assertUuid(taskId, 'taskId')}/status`;
  return http.getJson<BrowserUseTaskStatusView>(path, {
    ...options,
    validate: checkBrowserUseTaskStatusView,
  });
}

/** The typed vendor endpoints over one HTTP client. */
export function createBrowserUseApi(http: HttpClient): BrowserUseApi {
  return {
    getTask: async (taskId, options) => (await getBrowserUseTask(http, taskId, options)).data,
    getTaskStatus: async (taskId, options) => (await getBrowserUseTaskStatus(http, taskId, options)).data,
  };
}
