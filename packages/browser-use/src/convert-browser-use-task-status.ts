import { createTask, type JsonResponse, parseTimestamp, type Task } from '@x/core';
import type { BrowserUseTaskStatusView } from './browser-use-api-types';
import { browserUseTaskError } from './browser-use-task-error';
import { mapBrowserUseStatus } from './map-browser-use-status';
import { pickPresent } from './pick-present';

/**
 * Browser Use's light `TaskStatusView` → a normalized `Task` for polling: status, output, error,
 * cost, `finishedAt` and `metadata.isSuccess`; no steps nor artifacts (the view has none).
 * `raw` is the status view.
 */
export function convertBrowserUseTaskStatus(
  response: JsonResponse<BrowserUseTaskStatusView>,
  /** The id that was asked for; `Task.id` is built from it, not from the body. */
  taskId?: string,
): Task<BrowserUseTaskStatusView> {
  const view = response.data;
  return createTask<BrowserUseTaskStatusView>({
    provider: 'browser-use',
    id: `browser-use:${taskId ?? view.id}`,
    status: mapBrowserUseStatus(view.status),
    providerStatus: view.status,
    finishedAt: parseTimestamp(view.finishedAt),
    output: view.output ?? undefined,
    error: browserUseTaskError(view.status, view.output),
    cost: typeof view.cost === 'string' ? view.cost : undefined,
    metadata: pickPresent({ isSuccess: view.isSuccess }),
    raw: view,
    response: { headers: response.headers, requestId: response.requestId },
  });
}
