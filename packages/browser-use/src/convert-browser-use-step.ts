import type { TaskStep } from '@x/core';
import type { BrowserUseTaskStepView } from './browser-use-api-types';

/**
 * A Browser Use `TaskStepView` → a normalized `TaskStep`: `number` → index, `nextGoal` → goal,
 * `evaluationPreviousGoal` → evaluation, each action decoded from its JSON string (the string kept
 * as is when it is not JSON), `duration` (seconds) → `durationMs`. The step object stays in `raw`.
 */
export function convertBrowserUseStep(step: BrowserUseTaskStepView): TaskStep {
  const converted: TaskStep = {
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
  for (const key of Object.keys(converted) as Array<keyof TaskStep>) {
    if (converted[key] === undefined) delete converted[key];
  }
  return converted;
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
