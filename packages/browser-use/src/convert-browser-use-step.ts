import type { TaskStep } from '@x/core';
import type { BrowserUseTaskStepView } from './browser-use-api-types';

/**
 * A Browser Use `TaskStepView` → a normalized `TaskStep`: `number` → index, `nextGoal` → goal,
 * `evaluationPreviousGoal` → evaluation, each action decoded from its JSON string (the string kept
 * as is when it is not JSON), `duration` (seconds) → `durationMs`. The step object stays in `raw`.
 */
export function convertBrowserUseStep(step: BrowserUseTaskStepView): TaskStep {
  const converted: Record<string, unknown> = {
    index: step.number,
    url: text(step.url),
    goal: text(step.nextGoal),
    evaluation: text(step.evaluationPreviousGoal),
    memory: text(step.memory),
    actions: Array.isArray(step.actions) ? step.actions.map(decodeAction) : undefined,
    screenshotUrl: text(step.screenshotUrl),
    durationMs:
      typeof step.duration === 'number' && step.duration >= 0 && Number.isFinite(step.duration * 1000)
        ? Math.round(step.duration * 1000)
        : undefined,
    raw: step,
  };
  // The defined fields, copied: deleting the others would leave a slow object behind.
  const defined: Record<string, unknown> = {};
  for (const key in converted) if (converted[key] !== undefined) defined[key] = converted[key];
  return defined as unknown as TaskStep;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `'{"go_to_url":{"url":"..."}}'` → the object; a string that is not JSON is kept as is. */
function decodeAction(action: unknown): unknown {
  if (typeof action !== 'string') return action;
  try {
    return JSON.parse(action);
  } catch {
    return action;
  }
}
