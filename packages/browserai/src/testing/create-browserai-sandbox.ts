import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { InvalidArgumentError } from '@x/core';
import {
  createTaskScript,
  createTestServer,
  type Fault,
  type RouteReply,
  type ScriptStage,
  type TaskScript,
  type TestServer,
} from '@x/core/testing';
import type { BrowserAIResults, BrowserAITask, BrowserAITaskResult } from '../browserai-api-types';
import type { BrowserAIRef } from '../browserai-ref';

/** Options of `createBrowserAISandbox`. */
export interface BrowserAISandboxOptions {
  /** The key accepted in `Authorization: apikey <KEY>`. Default: a random `'sk-sandbox-…'`. */
  apiKey?: string | undefined;
  /** Clock of lifecycles and timestamps. Default: `Date.now`. */
  now?: (() => number) | undefined;
  /** Random source of fault probabilities. Default: `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * How a scripted task ends. BrowserAI has no timed-out status: `timed_out` is not in the type, and from
 * JavaScript it throws an `InvalidArgumentError` naming `outcome`.
 */
export type SandboxOutcome = 'succeeded' | 'failed' | 'cancelled' | 'paused';

/** One vendor-shaped stage of a scripted task. */
export interface BrowserAISandboxStage {
  /** Ms after the previous stage (with `advanceOn: 'time'`). Default: the task's `stepMs`. */
  afterMs?: number | undefined;
  /** The word both endpoints send, e.g. `'running'`, `'finalized'`, an unknown `'warming_up'`. */
  status: string;
  /** Results `GET /results` lists now. Default: as at the previous stage (0 at first). */
  steps?: number | undefined;
  /** Merged over the metadata body, e.g. `{ error: 'Blocked' }` or `{ result: 'Done' }`. */
  task?: Partial<BrowserAITask> | undefined;
}

/** Options of `sandbox.createTask`. */
export interface BrowserAISandboxTaskOptions {
  /** Default `'succeeded'` (`finalized`). `'timed_out'` (no BrowserAI word) throws. */
  outcome?: SandboxOutcome | undefined;
  /** Results before the end, one per `running` stage. Default 3. */
  steps?: number | undefined;
  /** Ms between two stages (ignored with `advanceOn: 'read'`). Default 100. */
  stepMs?: number | undefined;
  /** `'time'`: by the clock; `'read'`: one stage per `GET /tasks/{session_id}`. Default `'time'`. */
  advanceOn?: 'time' | 'read' | undefined;
  /**
   * The last result's `result`. Default: a summary on success, a question on pause; a failed or cancelled
   * run ends on an ordinary step.
   */
  output?: string | undefined;
  /** A failed task's metadata `error`. Default: a short message. */
  error?: string | undefined;
  /** Full control: explicit stages, replacing those of `outcome` and `steps`. */
  stages?: BrowserAISandboxStage[] | undefined;
}

/** A BrowserAI API on 127.0.0.1 (see `createBrowserAISandbox`). */
export interface BrowserAISandbox {
  /** Pass as `baseURL`. */
  readonly baseURL: string;
  readonly apiKey: string;
  /** The test server: request log, faults, `countRequests`. */
  readonly server: TestServer;
  /** `{ BROWSERAI_API_KEY, BROWSERAI_BASE_URL }` pointing a provider at this sandbox. */
  env(): Record<string, string>;
  /** Registers a scripted task; returns its session id. */
  createTask(options?: BrowserAISandboxTaskOptions): BrowserAIRef;
  /** `server.injectFault`. An error `status` without `body` answers `{ error: <status text> }`. */
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

interface SandboxTask {
  script: TaskScript<ResolvedStage>;
  advanceOn: 'time' | 'read';
  /** The stage the last `GET /tasks` showed (read-driven scripts): `GET /results` shows the same one. */
  lastRead: number;
  createdAt: number;
  stepMs: number;
  executionId: string;
  scriptId: string;
  /** The text of the run's last result (`done` for a finished run, a question for a paused one), if any. */
  lastResult?: string | undefined;
  /** Total results the task will produce, so each result's content is fixed from the start. */
  totalSteps: number;
  stageCount: number;
}

interface ResolvedStage {
  status: string;
  steps: number;
  task: Partial<BrowserAITask>;
}

const DEFAULT_STEPS = 3;
const DEFAULT_STEP_MS = 100;
const UNAUTHORIZED: RouteReply = { status: 401, body: { error: 'Unauthorized' } };
const NOT_FOUND: RouteReply = { status: 404, body: { error: 'Task not found' } };

/**
 * Starts a BrowserAI API on 127.0.0.1 serving `GET /tasks/{session_id}` and `GET /results/{session_id}`
 * as the spec says (`Authorization: apikey <KEY>` check, `{error}` bodies for 401 and 404, every field of
 * `GetTaskResponse` and `GetResultsResponse`); results grow as the run goes; the running word is `running`.
 * @example
 * const sandbox = await createBrowserAISandbox();
 * const provider = createBrowserAI({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
 * await waitForTask(provider, sandbox.createTask({ stepMs: 20 }), { intervalMs: 10 }); // from '@x/core'
 */
export async function createBrowserAISandbox(
  options: BrowserAISandboxOptions = {},
): Promise<BrowserAISandbox> {
  const apiKey = options.apiKey ?? `sk-sandbox-${randomBytes(16).toString('hex')}`;
  const now = options.now ?? Date.now;
  const tasks = new Map<string, SandboxTask>();

  const authorized = (headers: Record<string, string>) => headers.authorization === `apikey ${apiKey}`;

  const server = await createTestServer({
    random: options.random,
    now,
    notFound: () => ({ status: 404, body: { error: 'Not found' } }),
    faultBody: (status) => ({ error: STATUS_CODES[status] ?? 'Error' }),
    routes: [
      {
        method: 'GET',
        path: '/tasks/:sessionId',
        handler: ({ request, params }) => {
          if (!authorized(request.headers)) return UNAUTHORIZED;
          const task = tasks.get(params.sessionId ?? '');
          if (!task) return NOT_FOUND;
          const { state, stageIndex } = task.script.read();
          task.lastRead = stageIndex;
          return { status: 200, body: taskBody(task, state, stageIndex) };
        },
      },
      {
        method: 'GET',
        path: '/results/:sessionId',
        handler: ({ request, params }) => {
          if (!authorized(request.headers)) return UNAUTHORIZED;
          const task = tasks.get(params.sessionId ?? '');
          if (!task) return NOT_FOUND;
          const { state, stageIndex } = currentStage(task);
          return { status: 200, body: resultsBody(task, state, stageIndex) };
        },
      },
    ],
  });

  return {
    baseURL: server.url,
    apiKey,
    server,
    env: () => ({ BROWSERAI_API_KEY: apiKey, BROWSERAI_BASE_URL: server.url }),
    createTask(taskOptions = {}) {
      const stepMs = taskOptions.stepMs ?? DEFAULT_STEP_MS;
      checkCount(stepMs, 'stepMs');
      const stages = resolveStages(taskOptions, stepMs);
      const sessionId = randomUUID();
      const advanceOn = taskOptions.advanceOn ?? 'time';
      tasks.set(sessionId, {
        script: createTaskScript(toScriptStages(stages), { advanceOn, now }),
        advanceOn,
        lastRead: 0,
        createdAt: now(),
        stepMs,
        executionId: randomUUID(),
        scriptId: randomUUID(),
        lastResult: lastResultText(taskOptions),
        totalSteps: Math.max(0, ...stages.map((stage) => stage.state.steps)),
        stageCount: stages.length,
      });
      return sessionId;
    },
    injectFault: (fault) => server.injectFault(fault),
    close: () => server.close(),
  };
}

/**
 * What `GET /results` shows: by the clock for time-driven scripts; for read-driven ones, the stage the
 * last `GET /tasks` showed (the script has already moved past it), so both endpoints agree.
 */
function currentStage(task: SandboxTask): { state: ResolvedStage; stageIndex: number } {
  if (task.advanceOn === 'time') return task.script.peek();
  const stage = task.script.stages[task.lastRead]!;
  return { state: stage.state, stageIndex: task.lastRead };
}

/** Core's script stages are timed from the previous one, as ours are. */
function toScriptStages(stages: ScriptStage<ResolvedStage>[]): ScriptStage<ResolvedStage>[] {
  return stages.map((stage) => ({ afterMs: stage.afterMs ?? 0, state: stage.state }));
}

function lastResultText(options: BrowserAISandboxTaskOptions): string | undefined {
  if (options.output !== undefined) return options.output;
  if (options.stages) return 'Found 3 matching results and summarised them.';
  switch (options.outcome ?? 'succeeded') {
    case 'succeeded':
      return 'Found 3 matching results and summarised them.';
    case 'paused':
      return 'Which account should I sign in with?';
    default:
      return undefined;
  }
}

function checkCount(value: unknown, name: string, options: { integer?: boolean } = {}): void {
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (!valid || (options.integer && !Number.isInteger(value))) {
    const expected = options.integer ? 'an integer ≥ 0' : 'a finite number ≥ 0';
    throw new RangeError(`createTask: ${name} must be ${expected}, got ${String(value)}`);
  }
}

/** The stages of a task: explicit ones, or running stages with growing results then the outcome. */
function resolveStages(options: BrowserAISandboxTaskOptions, stepMs: number): ScriptStage<ResolvedStage>[] {
  if (options.stages) {
    if (options.stages.length === 0) throw new RangeError('createTask: stages must not be empty');
    let steps = 0;
    return options.stages.map((stage, index) => {
      steps = stage.steps ?? steps;
      checkCount(steps, `stages[${index}].steps`, { integer: true });
      if (stage.afterMs !== undefined) checkCount(stage.afterMs, `stages[${index}].afterMs`);
      return {
        afterMs: stage.afterMs ?? (index === 0 ? 0 : stepMs),
        state: { status: stage.status, steps, task: stage.task ?? {} },
      };
    });
  }
  const steps = options.steps ?? DEFAULT_STEPS;
  checkCount(steps, 'steps', { integer: true });
  const end = finalStage(options.outcome ?? 'succeeded', options.error);
  const running = Array.from(
    { length: steps },
    (_, index): ScriptStage<ResolvedStage> => ({
      afterMs: index === 0 ? 0 : stepMs,
      state: { status: 'running', steps: index, task: {} },
    }),
  );
  return [...running, { afterMs: steps === 0 ? 0 : stepMs, state: { ...end, steps } }];
}

/** `outcome` as a JavaScript caller may pass it: `timed_out`, which BrowserAI cannot express, gets its own message. */
function finalStage(
  outcome: SandboxOutcome | 'timed_out',
  error: string | undefined,
): Omit<ResolvedStage, 'steps'> {
  switch (outcome) {
    case 'succeeded':
      return { status: 'finalized', task: {} };
    case 'failed':
      return { status: 'failed', task: { error: error ?? 'The agent could not complete the task.' } };
    case 'cancelled':
      return { status: 'stopped', task: {} };
    case 'paused':
      return { status: 'awaiting', task: {} };
    case 'timed_out':
      throw new InvalidArgumentError({
        argument: 'outcome',
        message:
          "createBrowserAISandbox: outcome 'timed_out' is not supported: BrowserAI has no timed-out status " +
          "(use 'failed', or explicit stages with an unknown word)",
      });
    default: {
      const exhaustive: never = outcome;
      throw new InvalidArgumentError({
        argument: 'outcome',
        message: `createBrowserAISandbox: outcome must be 'succeeded', 'failed', 'cancelled' or 'paused', got ${JSON.stringify(exhaustive)}`,
      });
    }
  }
}

const PROGRESS: Record<string, string> = {
  running: 'running',
  finalized: 'completed',
  failed: 'failed',
  stopped: 'stopped',
  awaiting: 'awaiting_input',
};

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** When a stage begins (its scripted time, also used for read-driven scripts as a realistic clock). */
function stageTime(task: SandboxTask, stageIndex: number): number {
  let atMs = 0;
  for (const stage of task.script.stages.slice(0, stageIndex + 1)) atMs += stage.afterMs ?? 0;
  return task.createdAt + atMs;
}

function isEnd(stage: ResolvedStage, stageIndex: number, task: SandboxTask): boolean {
  return stageIndex === task.stageCount - 1 && stage.status !== 'running';
}

function taskBody(task: SandboxTask, stage: ResolvedStage, stageIndex: number): BrowserAITask {
  const logs = [
    'Task started',
    ...Array.from({ length: stage.steps }, (_, index) => `Step ${index + 1} done`),
  ];
  if (isEnd(stage, stageIndex, task)) logs.push(`Task ${stage.status}`);
  return {
    executionId: task.executionId,
    scriptId: task.scriptId,
    scriptType: 'agent',
    status: stage.status,
    progress: { status: PROGRESS[stage.status] ?? stage.status, logs },
    started: iso(task.createdAt),
    estimatedCompletion: iso(stageTime(task, task.stageCount - 1)),
    ...stage.task,
  };
}

function resultsBody(task: SandboxTask, stage: ResolvedStage, stageIndex: number): BrowserAIResults {
  const end = isEnd(stage, stageIndex, task);
  return {
    executionId: task.executionId,
    status: stage.status,
    started: iso(task.createdAt),
    // The spec's `completed` is a date-time that is not nullable: left out until the run ends.
    ...(end ? { completed: iso(stageTime(task, stageIndex)) } : {}),
    results: Array.from({ length: stage.steps }, (_, index) => result(task, index)),
  };
}

/** The result at `index`; the last one of the run carries the output, when it has one. */
function result(task: SandboxTask, index: number): BrowserAITaskResult {
  const output = index === task.totalSteps - 1 ? task.lastResult : undefined;
  const last = output !== undefined;
  const base = `https://storage.browser.ai/executions/${task.executionId}/${index}`;
  return {
    model_output: JSON.stringify({
      current_state: {
        evaluation_previous_goal: index === 0 ? 'Unknown - starting' : 'Success - the page responded',
        memory: `${index} of ${task.totalSteps} steps done`,
        next_goal: last ? 'Report back' : `Work on step ${index + 1}`,
      },
      action: [last ? { done: { text: output, success: true } } : { click_element: { index: index + 1 } }],
    }),
    result: output ?? `Step ${index + 1} done`,
    state: JSON.stringify({ url: `https://example.com/page/${index}`, title: `Page ${index}` }),
    metadata: { step_number: index + 1, input_tokens: 1200 + index * 37 },
    history_index: index,
    screenshot_url: `${base}/screenshot.png`,
    html_url: `${base}/page.html`,
    console_url: `${base}/console.log`,
    insert_ts: iso(task.createdAt + task.stepMs * (index + 1)),
  };
}
