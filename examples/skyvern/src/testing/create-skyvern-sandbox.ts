import { randomBytes, randomInt } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { InvalidArgumentError } from '@x/core';
import {
  createTaskScript,
  createTestServer,
  type Fault,
  type RouteReply,
  type ScriptStage,
  type TaskScript,
  type TestRequest,
  type TestServer,
} from '@x/core/testing';
import type { SkyvernRun, SkyvernRunStatus, SkyvernRunType } from '../skyvern-api-types';
import type { SkyvernRef } from '../skyvern-ref';

/** Options of `createSkyvernSandbox`. */
export interface SkyvernSandboxOptions {
  /** The key the sandbox accepts in `x-api-key`. Default: a random `'sk-sandbox-…'` string. */
  apiKey?: string | undefined;
  /** Clock for time-driven lifecycles and timestamps. Default: `Date.now`. */
  now?: (() => number) | undefined;
  /** Random source for fault probabilities. Default: `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * How a scripted run ends: a normalized word, or `'terminated'` (Skyvern's own ending, normalized to
 * `failed`). `'succeeded'` ends `completed`, `'cancelled'` ends `canceled`.
 */
export type SkyvernSandboxOutcome =
  | 'succeeded'
  | 'failed'
  | 'terminated'
  | 'cancelled'
  | 'timed_out'
  | 'paused';

/** One explicit, Skyvern-shaped stage of a scripted run (see `SkyvernSandboxTaskOptions.stages`). */
export interface SkyvernSandboxStage {
  /** Time after the previous stage, in ms (with `advanceOn: 'time'`). Default: `stepMs`; 0 for the first stage. */
  afterMs?: number | undefined;
  /** Skyvern's status word, sent as is: any string, e.g. an unknown `'waiting_for_review'`. */
  status: SkyvernRunStatus;
  /** The run's `output`. Default: `null`. */
  output?: SkyvernRun['output'] | undefined;
  /** The run's `failure_reason`. Default: `null`. */
  failureReason?: string | null | undefined;
}

/** Options of `sandbox.createTask`. */
export interface SkyvernSandboxTaskOptions {
  /** How the run ends. Default `'succeeded'` (`completed`). */
  outcome?: SkyvernSandboxOutcome | undefined;
  /** Number of `running` stages between `queued` and the end. Default 3. */
  steps?: number | undefined;
  /** Time between two stages in ms (ignored with `advanceOn: 'read'`). Default 100. */
  stepMs?: number | undefined;
  /** `'time'`: stages move with the clock; `'read'`: one stage per GET of the run. Default `'time'`. */
  advanceOn?: 'time' | 'read' | undefined;
  /** The kind of run: a task run (`tsk_v2_…` ids) or `'workflow_run'` (`wr_…` ids). Default `'task_v2'`. */
  runType?: SkyvernRunType | undefined;
  /** The output. Default: a small extraction object when the outcome is `'succeeded'`, else none. */
  output?: SkyvernRun['output'] | undefined;
  /** The `failure_reason` of a failed, terminated or timed-out run. Default: a vendor-like sentence. */
  failureReason?: string | undefined;
  /** Full control: explicit stages (then `outcome`, `steps`, `output` and `failureReason` are ignored). */
  stages?: SkyvernSandboxStage[] | undefined;
}

/** A running Skyvern sandbox. */
export interface SkyvernSandbox {
  /** Pass as `baseURL` (`http://127.0.0.1:PORT`). */
  readonly baseURL: string;
  /** The key the sandbox accepts. */
  readonly apiKey: string;
  /** The underlying test server: request log, `countRequests`, faults. */
  readonly server: TestServer;
  /** Env vars that point a provider at this sandbox: `{ SKYVERN_API_KEY, SKYVERN_BASE_URL }`. */
  env(): Record<string, string>;
  /** Registers a scripted run; returns its run id. */
  createTask(options?: SkyvernSandboxTaskOptions): SkyvernRef;
  /** Queues a fault (= `server.injectFault`). */
  injectFault(fault: Fault): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

interface SandboxRun {
  runId: string;
  runType: SkyvernRunType;
  createdAt: number;
  script: TaskScript<SkyvernSandboxStage>;
}

const DEFAULT_STEPS = 3;
const DEFAULT_STEP_MS = 100;
const ARTIFACTS = 'https://artifacts.skyvern.example';

const OUTCOME_STATUS: Record<SkyvernSandboxOutcome, SkyvernRunStatus> = {
  succeeded: 'completed',
  failed: 'failed',
  terminated: 'terminated',
  cancelled: 'canceled',
  timed_out: 'timed_out',
  paused: 'paused',
};

const DEFAULT_FAILURE: Partial<Record<SkyvernSandboxOutcome, string>> = {
  failed: 'Failed to navigate to url https://example.com: net::ERR_NAME_NOT_RESOLVED',
  terminated: 'The login page asks for a one-time code that was not provided',
  timed_out: 'The run exceeded its time limit',
};

/** Statuses after which the run has started and, for the endings, finished. */
const NOT_STARTED: ReadonlySet<string> = new Set(['created', 'queued']);
const FINISHED: ReadonlySet<string> = new Set(['completed', 'failed', 'terminated', 'canceled', 'timed_out']);

/**
 * Starts a fake Skyvern API on 127.0.0.1 serving `GET /v1/runs/{run_id}` as Skyvern does: the `x-api-key`
 * check (a missing or wrong key is a **403** `{ detail: "Invalid credentials" }`, as Skyvern's
 * `org_auth_service` answers, not a 401), 404 `{ detail: "Task run not found <run_id>" }` for an unknown
 * run, every field of `TaskRunResponse` / `WorkflowRunResponse`, scripted lifecycles (`created`, `queued`,
 * `running`…, then the ending) and core's fault injection.
 *
 * @example
 * const sandbox = await createSkyvernSandbox();
 * const skyvern = createSkyvern({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
 * const task = await waitForTask(skyvern, sandbox.createTask({ stepMs: 20 }), { intervalMs: 10 }); // from '@x/core'
 * await sandbox.close();
 */
export async function createSkyvernSandbox(options: SkyvernSandboxOptions = {}): Promise<SkyvernSandbox> {
  const apiKey = options.apiKey ?? `sk-sandbox-${randomBytes(16).toString('hex')}`;
  const now = options.now ?? Date.now;
  const runs = new Map<string, SandboxRun>();
  const authorized = (request: TestRequest) => request.headers['x-api-key'] === apiKey;

  const server = await createTestServer({
    random: options.random,
    now,
    notFound: (request) => (authorized(request) ? detail(404, 'Not Found') : forbidden()),
    faultBody: (status) => detail(status, STATUS_CODES[status] ?? 'Error').body,
    routes: [
      {
        method: 'GET',
        path: '/v1/runs/:runId',
        handler: ({ request, params }) => {
          if (!authorized(request)) return forbidden();
          const runId = params.runId ?? '';
          const run = runs.get(runId);
          if (!run) return detail(404, `Task run not found ${runId}`);
          const { state, stageIndex } = run.script.read();
          return { status: 200, body: runBody(run, state, stageIndex, now()) };
        },
      },
    ],
  });

  function createTask(taskOptions: SkyvernSandboxTaskOptions = {}): SkyvernRef {
    const runType = taskOptions.runType ?? 'task_v2';
    const prefix = runType === 'workflow_run' ? 'wr' : runType === 'task_v2' ? 'tsk_v2' : 'tsk';
    const runId = `${prefix}_${randomInt(10 ** 11, 10 ** 12)}`;
    const advanceOn = taskOptions.advanceOn ?? 'time';
    if (advanceOn !== 'time' && advanceOn !== 'read') {
      fail('advanceOn', `advanceOn must be 'time' or 'read', got ${JSON.stringify(advanceOn)}`);
    }
    runs.set(runId, {
      runId,
      runType,
      createdAt: now(),
      script: createTaskScript(buildStages(taskOptions), { advanceOn, now }),
    });
    return runId;
  }

  const baseURL = server.url;
  return {
    baseURL,
    apiKey,
    server,
    env: () => ({ SKYVERN_API_KEY: apiKey, SKYVERN_BASE_URL: baseURL }),
    createTask,
    injectFault: (fault) => server.injectFault(fault),
    close: () => server.close(),
  };
}

function buildStages(options: SkyvernSandboxTaskOptions): ScriptStage<SkyvernSandboxStage>[] {
  const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
  if (!(Number.isFinite(stepMs) && stepMs >= 0))
    fail('stepMs', `stepMs must be a number >= 0, got ${stepMs}`);
  if (options.stages !== undefined) {
    if (!Array.isArray(options.stages) || options.stages.length === 0) {
      fail('stages', 'stages must be a non-empty array');
    }
    return options.stages.map((stage, index) => ({
      afterMs: stage.afterMs ?? (index === 0 ? 0 : stepMs),
      state: { ...stage },
    }));
  }
  const outcome = options.outcome ?? 'succeeded';
  if (!Object.hasOwn(OUTCOME_STATUS, outcome)) {
    fail(
      'outcome',
      `outcome must be one of ${Object.keys(OUTCOME_STATUS).join(', ')}, got ${JSON.stringify(outcome)}`,
    );
  }
  const steps = options.steps ?? DEFAULT_STEPS;
  if (!(Number.isInteger(steps) && steps >= 0)) fail('steps', `steps must be an integer >= 0, got ${steps}`);
  const output =
    options.output ?? (outcome === 'succeeded' ? { top_post: 'Show HN: a sandboxed browser agent' } : null);
  const failureReason = options.failureReason ?? DEFAULT_FAILURE[outcome] ?? null;
  const running = Array.from({ length: steps }, () => ({ afterMs: stepMs, state: { status: 'running' } }));
  return [
    { afterMs: 0, state: { status: 'created' } },
    { afterMs: stepMs, state: { status: 'queued' } },
    ...running,
    { afterMs: stepMs, state: { status: OUTCOME_STATUS[outcome], output, failureReason } },
  ];
}

/** The run as `GET /v1/runs/{run_id}` shows it at a stage: every field present, `null` until it has a value. */
function runBody(run: SandboxRun, stage: SkyvernSandboxStage, stageIndex: number, nowMs: number): SkyvernRun {
  const at = (index: number) => iso(Math.min(stageTime(run, index), nowMs));
  const stages = run.script.stages.slice(0, stageIndex + 1).map((entry) => entry.state.status);
  const queuedIndex = stages.findIndex((status) => status !== 'created');
  const startedIndex = stages.findIndex((status) => !NOT_STARTED.has(status));
  const finished = FINISHED.has(stage.status);
  const steps = stages.filter((status) => status === 'running').length;
  const workflow = run.runType === 'workflow_run';
  return {
    run_id: run.runId,
    status: stage.status,
    output: stage.output ?? null,
    downloaded_files: finished && stage.status === 'completed' ? [file(run)] : [],
    recording_url: startedIndex === -1 ? null : `${ARTIFACTS}/${run.runId}/recording.webm`,
    recording_archived: false,
    screenshot_urls:
      steps === 0
        ? null
        : Array.from(
            { length: steps },
            (_, index) => `${ARTIFACTS}/${run.runId}/screenshot_${steps - index}.png`,
          ),
    failure_reason: stage.failureReason ?? null,
    created_at: iso(run.createdAt),
    modified_at: at(stageIndex),
    queued_at: queuedIndex === -1 ? null : at(queuedIndex),
    started_at: startedIndex === -1 ? null : at(startedIndex),
    finished_at: finished ? at(stageIndex) : null,
    app_url: workflow
      ? `https://app.skyvern.com/workflows/wpid_sandbox/${run.runId}`
      : `https://app.skyvern.com/tasks/${run.runId}`,
    browser_session_id: null,
    browser_profile_id: null,
    max_screenshot_scrolls: null,
    script_run: null,
    errors: [],
    step_count: steps,
    run_type: run.runType,
    run_request: workflow
      ? { workflow_id: 'wpid_sandbox', parameters: {} }
      : {
          prompt: "What's the top post on Hacker News?",
          url: 'https://news.ycombinator.com',
          engine: 'skyvern-2.0',
        },
  };
}

function file(run: SandboxRun) {
  return {
    url: `${ARTIFACTS}/${run.runId}/downloads/report.pdf`,
    checksum: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    filename: 'report.pdf',
    file_size: 0,
    modified_at: iso(run.createdAt),
  };
}

/** When a stage begins, on the script's clock. */
function stageTime(run: SandboxRun, stageIndex: number): number {
  let atMs = run.createdAt;
  for (const stage of run.script.stages.slice(0, stageIndex + 1)) atMs += stage.afterMs ?? 0;
  return atMs;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Skyvern's answer to a missing or unknown `x-api-key`. */
function forbidden(): RouteReply {
  return detail(403, 'Invalid credentials');
}

/** FastAPI's error body. */
function detail(status: number, message: string): RouteReply {
  return { status, body: { detail: message } };
}

function fail(argument: string, message: string): never {
  throw new InvalidArgumentError({ argument, message: `skyvern sandbox: ${message}` });
}
