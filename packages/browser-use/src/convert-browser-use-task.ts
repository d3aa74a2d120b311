import { createTask, type JsonResponse, parseTimestamp, type Task, type TaskArtifact } from '@x/core';
import type { BrowserUseTaskView } from './browser-use-api-types';
import { browserUseTaskError } from './browser-use-task-error';
import { convertBrowserUseStep } from './convert-browser-use-step';
import { mapBrowserUseStatus } from './map-browser-use-status';
import { pickPresent } from './pick-present';

/**
 * A Browser Use `TaskView` → the normalized `Task`. Timestamps are naive UTC and parsed as UTC;
 * `cost` stays the decimal string as sent; screenshots and output files become artifacts;
 * `isSuccess`, `judgeVerdict`, `judgement`, `llm`, `sessionId`, `browserUseVersion`, the prompt (`task`),
 * `suggestions` and the user's `metadata` (as `userMetadata`) go to `metadata` when present.
 * The body is kept untouched in `raw`.
 */
export function convertBrowserUseTask(
  response: JsonResponse<BrowserUseTaskView>,
  /** The id that was asked for; `Task.id` is built from it, not from the body. */
  taskId?: string,
): Task<BrowserUseTaskView> {
  const view = response.data;
  const steps = view.steps.map(convertBrowserUseStep);
  const artifacts: TaskArtifact[] = [];
  for (const step of steps) {
    if (step.screenshotUrl)
      artifacts.push({ kind: 'screenshot', url: step.screenshotUrl, stepIndex: step.index });
  }
  for (const file of view.outputFiles) {
    artifacts.push(
      typeof file.fileName === 'string'
        ? { kind: 'file', id: file.id, name: file.fileName }
        : { kind: 'file', id: file.id },
    );
  }
  return createTask<BrowserUseTaskView>({
    provider: 'browser-use',
    id: `browser-use:${taskId ?? view.id}`,
    status: mapBrowserUseStatus(view.status),
    providerStatus: view.status,
    createdAt: parseTimestamp(view.createdAt),
    startedAt: parseTimestamp(view.startedAt),
    finishedAt: parseTimestamp(view.finishedAt),
    output: view.output ?? undefined,
    error: browserUseTaskError(view.status, view.output),
    steps,
    artifacts,
    cost: typeof view.cost === 'string' ? view.cost : undefined,
    metadata: pickPresent({
      isSuccess: view.isSuccess,
      judgeVerdict: view.judgeVerdict,
      judgement: view.judgement,
      llm: view.llm,
      sessionId: view.sessionId,
      browserUseVersion: view.browserUseVersion,
      task: view.task,
      suggestions: view.suggestions,
      userMetadata: view.metadata && Object.keys(view.metadata).length > 0 ? view.metadata : undefined,
    }),
    raw: view,
    response: { headers: response.headers, requestId: response.requestId },
  });
}
