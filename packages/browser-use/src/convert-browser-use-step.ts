import type { TaskStep } from '@x/core';
import type { BrowserUseTaskStepView } from './browser-use-api-types';

/**
 * A Browser Use `TaskStepView` → a normalized `TaskStep`: `number` → index, `nextGoal` → goal,
 * `evaluationPreviousGoal` → evaluation, each action decoded from its JSON string (the string kept
 * as is when it is not JSON), `duration` (seconds) → `durationMs`. The step object stays in `raw`.
 */
export function convertBrowserUseStep(step: BrowserUseTaskStepView): TaskStep {
  // Only the fields that have a value, set one by one in `TaskStep`'s order: an object built with
  // undefined fields then copied (or `delete`d) costs more.
  const { url, nextGoal, evaluationPreviousGoal, memory, actions, screenshotUrl, duration } = step;
  const converted: Record<string, unknown> = { index: step.number };
  if (typeof url === 'string') converted.url = url;
  if (typeof nextGoal === 'string') converted.goal = nextGoal;
  if (typeof evaluationPreviousGoal === 'string') converted.evaluation = evaluationPreviousGoal;
  if (typeof memory === 'string') converted.memory = memory;
  if (Array.isArray(actions)) converted.actions = actions.map(decodeAction);
  if (typeof screenshotUrl === 'string') converted.screenshotUrl = screenshotUrl;
  if (typeof duration === 'number' && duration >= 0 && Number.isFinite(duration * 1000))
    converted.durationMs = Math.round(duration * 1000);
  converted.raw = step;
  return converted as unknown as TaskStep;
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
