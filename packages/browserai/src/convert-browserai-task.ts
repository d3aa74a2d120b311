import {
  createTask,
  extractErrorMessage,
  type JsonResponse,
  parseTimestamp,
  type Task,
  type TaskArtifact,
  type TaskStep,
} from '@x/core';
import type {
  BrowserAIResults,
  BrowserAITask,
  BrowserAITaskRaw,
  BrowserAITaskResult,
} from './browserai-api-types';
import { BROWSERAI_PROVIDER_NAME } from './browserai-ref';
import { mapBrowserAIStatus } from './map-browserai-status';

/**
 * Builds the normalized task from BrowserAI's metadata (`GET /tasks/{session_id}`) and, when fetched,
 * its results (`GET /results/{session_id}`). Nothing is lost: both bodies stay untouched in `raw`.
 *
 * - `steps`: one per result, in `history_index` order; `goal`, `evaluation`, `memory` and `actions` come
 *   from `model_output` when it is JSON (browser-use's agent output shape), `url` from `state` when it is JSON.
 * - `artifacts`: each result's `screenshot_url`, `html_url`, `console_url` (kinds `screenshot`, `html`,
 *   `console`), with the step's index.
 * - `output`: the metadata's `result` when present, else the `result` of the last step that has one.
 * - `metadata`: `executionId`, `scriptId`, `scriptType`, `progressStatus`, `logs` (progress logs),
 *   `estimatedCompletion` (a Date), `resultsStatus` (the results' own status word), when sent.
 */
export function convertBrowserAITask(args: {
  sessionId: string;
  task: JsonResponse<BrowserAITask>;
  results?: JsonResponse<BrowserAIResults>;
}): Task<BrowserAITaskRaw> {
  const task = args.task.data;
  const results = args.results?.data;
  const status = mapBrowserAIStatus(task.status);
  const steps = convertSteps(Array.isArray(results?.results) ? results.results : []);
  const lastResponse = args.results ?? args.task;
  const raw: BrowserAITaskRaw = results === undefined ? { task } : { task, results };
  const finished = status === 'succeeded' || status === 'failed' || status === 'cancelled';
  return createTask<BrowserAITaskRaw>({
    provider: BROWSERAI_PROVIDER_NAME,
    id: `${BROWSERAI_PROVIDER_NAME}:${args.sessionId}`, // checked by the provider before the request
    status,
    providerStatus: asString(task.status) ?? '',
    startedAt: parseTimestamp(task.started) ?? parseTimestamp(results?.started),
    finishedAt: finished ? parseTimestamp(results?.completed) : undefined,
    output: task.result ?? findOutput(steps),
    error: convertError(task.error),
    steps,
    artifacts: convertArtifacts(steps),
    metadata: compact({
      executionId: asString(task.executionId) ?? asString(results?.executionId),
      scriptId: asString(task.scriptId),
      scriptType: asString(task.scriptType),
      progressStatus: asString(task.progress?.status),
      logs: Array.isArray(task.progress?.logs) ? task.progress.logs : undefined,
      estimatedCompletion: parseTimestamp(task.estimatedCompletion),
      resultsStatus: asString(results?.status),
    }),
    raw,
    response: { headers: lastResponse.headers, requestId: lastResponse.requestId },
  });
}

function convertSteps(results: readonly BrowserAITaskResult[]): TaskStep[] {
  const steps = results.map((item, position) => convertStep(item, asIndex(item.history_index) ?? position));
  // `sort` is stable: steps with the same index keep the vendor's order.
  return steps.sort((a, b) => a.index - b.index);
}

function convertStep(item: BrowserAITaskResult, index: number): TaskStep {
  const output = asRecord(decodeJson(item.model_output));
  const brain = asRecord(output?.current_state) ?? output;
  const actions = output?.action;
  const step: TaskStep = {
    index,
    url: asString(asRecord(decodeJson(item.state))?.url),
    goal: asString(brain?.next_goal),
    evaluation: asString(brain?.evaluation_previous_goal),
    memory: asString(brain?.memory),
    actions: Array.isArray(actions) ? actions : undefined,
    result: asString(item.result),
    screenshotUrl: asString(item.screenshot_url),
    timestamp: parseTimestamp(item.insert_ts),
    raw: item,
  };
  return compact(step) as TaskStep;
}

function convertArtifacts(steps: readonly TaskStep[]): TaskArtifact[] {
  const artifacts: TaskArtifact[] = [];
  for (const step of steps) {
    const item = step.raw as BrowserAITaskResult;
    addArtifact(artifacts, 'screenshot', item.screenshot_url, step.index);
    addArtifact(artifacts, 'html', item.html_url, step.index);
    addArtifact(artifacts, 'console', item.console_url, step.index);
  }
  return artifacts;
}

function addArtifact(artifacts: TaskArtifact[], kind: TaskArtifact['kind'], url: unknown, stepIndex: number) {
  const text = asString(url);
  if (text) artifacts.push({ kind, url: text, stepIndex });
}

/**
 * The `result` of the last step that has one, as sent: an empty string counts (the last step answered
 * nothing), so an earlier step's intermediate text is never passed off as the task's output.
 */
function findOutput(steps: readonly TaskStep[]): string | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const result = (steps[i]?.raw as BrowserAITaskResult | undefined)?.result;
    if (typeof result === 'string') return result;
  }
  return undefined;
}

function convertError(error: unknown): string | undefined {
  if (typeof error === 'string') return error.trim() === '' ? undefined : error;
  if (error === null || error === undefined) return undefined;
  return extractErrorMessage(error);
}

/** JSON text decoded; anything else (plain text, a bad JSON) as it came. */
function decodeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asIndex(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `value` without its undefined fields (a copy: deleting them would leave a slow object behind). */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
