import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { InvalidArgumentError, isUuid } from '@x/core';
import {
  createTaskScript,
  createTestServer,
  type Fault,
  type RouteReply,
  type TaskScript,
  type TestRequest,
  type TestServer,
} from '@x/core/testing';
import type { AnchorTaskExecutionResult, AnchorTaskRunStatus, AnchorTaskStatus } from '../anchor-api-types';
import type { AnchorExecutionRef, AnchorRunRef, AnchorTaskRef } from '../anchor-ref';

/** Options of `createAnchorSandbox`. */
export interface AnchorSandboxOptions {
  /** The key accepted in `anchor-api-key`. Default: a random `'sk-sandbox-…'`. */
  apiKey?: string | undefined;
  /** Clock of lifecycles and timestamps. Default: `Date.now`. */
  now?: (() => number) | undefined;
  /** Random source of fault probabilities. Default: `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * How a scripted task ends. Anchor has no paused status: `paused` is not in the type, and from JavaScript
 * it throws an `InvalidArgumentError` naming `outcome`.
 */
export type SandboxOutcome = 'succeeded' | 'failed' | 'cancelled' | 'timed_out';

/** One explicit, vendor-shaped stage of a scripted task (see `AnchorSandboxTaskOptions.stages`). */
export interface AnchorSandboxStage {
  /** Ms after the previous stage (with `advanceOn: 'time'`). Default: `stepMs`; 0 for the first. */
  afterMs?: number | undefined;
  /** Sent as is: any word, e.g. an unknown `'waiting_for_review'`. */
  status: AnchorTaskStatus;
  /** v1 `output`. Default: `null`. */
  output?: string | null | undefined;
  /** v2 `result`. Default: left out. */
  result?: Record<string, unknown> | null | undefined;
  /** v1 `errorMessage` / v2 `error`. Default: `null` (v1) or left out (v2). */
  error?: string | null | undefined;
  /** v1 `executionTime` in ms. Default: `null`. */
  executionTime?: number | null | undefined;
}

/** Options of `sandbox.createTask`. */
export interface AnchorSandboxTaskOptions {
  /** `'v1'` (legacy execution, `{ taskId, executionId }`) or `'v2'` (run, `{ runId }`). Default `'v1'`. */
  api?: 'v1' | 'v2' | undefined;
  /** Default `'succeeded'`. (`'paused'`, which Anchor cannot express, throws an `InvalidArgumentError`.) */
  outcome?: SandboxOutcome | undefined;
  /** `running` stages between `queued` and the end. Default 3. */
  steps?: number | undefined;
  /** Ms between two stages (ignored with `advanceOn: 'read'`). Default 100. */
  stepMs?: number | undefined;
  /** `'time'`: stages move with the clock; `'read'`: one stage per GET of the task. Default `'time'`. */
  advanceOn?: 'time' | 'read' | undefined;
  /** Default: a short sentence when `'succeeded'`, else none. */
  output?: string | undefined;
  /** The v2 `result`. Default: `{ output }` when there is an output, else none. */
  result?: Record<string, unknown> | undefined;
  /** Default: a vendor-like sentence for `'failed'` and `'timed_out'`, else none. */
  error?: string | undefined;
  /** Full control: explicit stages (`outcome`, `steps`, `output`, `result`, `error` are then ignored). */
  stages?: AnchorSandboxStage[] | undefined;
}

/** A running Anchor sandbox. */
export interface AnchorSandbox {
  /** Pass as `baseURL`: `http://127.0.0.1:PORT`. */
  readonly baseURL: string;
  readonly apiKey: string;
  /** The test server: request log, faults, `countRequests`. */
  readonly server: TestServer;
  /** `{ ANCHORBROWSER_API_KEY, ANCHORBROWSER_BASE_URL }` pointing a provider at this sandbox. */
  env(): Record<string, string>;
  /** Registers a scripted v2 run; returns its `{ runId }`. */
  createTask(options: AnchorSandboxTaskOptions & { api: 'v2' }): AnchorRunRef;
  /** Registers a scripted legacy execution; returns its `{ taskId, executionId }`. */
  createTask(options?: AnchorSandboxTaskOptions & { api?: 'v1' }): AnchorExecutionRef;
  /** Registers a scripted task; returns a reference of its API's kind. */
  createTask(options?: AnchorSandboxTaskOptions): AnchorTaskRef;
  /** `server.injectFault`. An error `status` without `body` answers `{ error: { code, message } }`. */
  injectFault(fault: Fault): void;
  /** Stops the server, dropping open connections. */
  close(): Promise<void>;
}

interface SandboxTask {
  api: 'v1' | 'v2';
  script: TaskScript<AnchorSandboxStage>;
  /** v1: executionId, taskVersionId, startTime; v2: run_id, session_id. */
  executionId: string;
  taskVersionId: string;
  startTime: string;
  sessionId: string;
}

const OUTCOME_STATUS: Record<SandboxOutcome, AnchorTaskStatus> = {
  succeeded: 'success',
  failed: 'failure',
  timed_out: 'timeout',
  cancelled: 'cancelled',
};

const DEFAULT_ERROR: Record<SandboxOutcome, string | undefined> = {
  succeeded: undefined,
  failed: 'Task failed: the agent could not complete the task',
  timed_out: 'Task execution timed out',
  cancelled: undefined,
};

/**
 * Starts an Anchor Browser API on 127.0.0.1 serving `GET /v1/task/{taskId}/executions/{executionId}` and
 * `GET /v2/tasks/runs/{runId}/status` as the spec says: `anchor-api-key` check (401), 404 for unknown and
 * non-uuid v1 ids, `{ error: { code, message } }` error bodies.
 */
export async function createAnchorSandbox(options: AnchorSandboxOptions = {}): Promise<AnchorSandbox> {
  const apiKey = options.apiKey ?? `sk-sandbox-${randomBytes(16).toString('hex')}`;
  const now = options.now ?? Date.now;
  const executions = new Map<string, SandboxTask>();
  const runs = new Map<string, SandboxTask>();
  const authorized = (request: TestRequest) => request.headers['anchor-api-key'] === apiKey;

  const server = await createTestServer({
    random: options.random,
    now,
    notFound: (request) =>
      authorized(request) ? errorReply(404, 'Not found') : errorReply(401, 'Invalid API key'),
    faultBody: (status) => errorReply(status, STATUS_CODES[status] ?? 'Error').body,
    routes: [
      {
        method: 'GET',
        path: '/v1/task/:taskId/executions/:executionId',
        handler: ({ request, params }) => {
          if (!authorized(request)) return errorReply(401, 'Invalid API key');
          const { taskId = '', executionId = '' } = params;
          const task =
            isUuid(taskId) && isUuid(executionId)
              ? // uuids are case-insensitive (RFC 9562); the sandbox makes lower-case ones
                executions.get(`${taskId.toLowerCase()}/${executionId.toLowerCase()}`)
              : undefined;
          if (!task) return errorReply(404, 'Task or execution result not found');
          const body: { data: AnchorTaskExecutionResult } = {
            data: toExecutionResult(task, task.script.read().state),
          };
          return { status: 200, body };
        },
      },
      {
        method: 'GET',
        path: '/v2/tasks/runs/:runId/status',
        handler: ({ request, params }) => {
          if (!authorized(request)) return errorReply(401, 'Invalid API key');
          const task = runs.get(params.runId ?? '');
          if (!task) return errorReply(404, 'Task run not found');
          const body: AnchorTaskRunStatus = toRunStatus(task, task.script.read().state);
          return { status: 200, body };
        },
      },
    ],
  });

  function createTask(taskOptions: AnchorSandboxTaskOptions = {}): AnchorTaskRef {
    const api = taskOptions.api ?? 'v1';
    if (api !== 'v1' && api !== 'v2') fail('api', `api must be 'v1' or 'v2', got ${JSON.stringify(api)}`);
    const stages = buildStages(taskOptions);
    const task: SandboxTask = {
      api,
      script: createTaskScript(stages, { advanceOn: taskOptions.advanceOn ?? 'time', now }),
      executionId: randomUUID(),
      taskVersionId: randomUUID(),
      startTime: new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sessionId: randomUUID(),
    };
    if (api === 'v2') {
      runs.set(task.executionId, task);
      return { runId: task.executionId };
    }
    const taskId = randomUUID();
    executions.set(`${taskId}/${task.executionId}`, task);
    return { taskId, executionId: task.executionId };
  }

  const baseURL = server.url;
  return {
    baseURL,
    apiKey,
    server,
    env: () => ({ ANCHORBROWSER_API_KEY: apiKey, ANCHORBROWSER_BASE_URL: baseURL }),
    createTask: createTask as AnchorSandbox['createTask'],
    injectFault: (fault) => server.injectFault(fault),
    close: () => server.close(),
  };
}

function buildStages(options: AnchorSandboxTaskOptions): { afterMs: number; state: AnchorSandboxStage }[] {
  const stepMs = options.stepMs ?? 100;
  if (!(Number.isFinite(stepMs) && stepMs >= 0))
    fail('stepMs', `stepMs must be a number >= 0, got ${stepMs}`);
  if (options.advanceOn !== undefined && options.advanceOn !== 'time' && options.advanceOn !== 'read') {
    fail('advanceOn', `advanceOn must be 'time' or 'read', got ${JSON.stringify(options.advanceOn)}`);
  }
  if (options.stages !== undefined) {
    if (!Array.isArray(options.stages) || options.stages.length === 0) {
      fail('stages', 'stages must be a non-empty array');
    }
    return options.stages.map((stage, index) => ({
      afterMs: index === 0 ? (stage.afterMs ?? 0) : (stage.afterMs ?? stepMs),
      state: { ...stage },
    }));
  }
  const outcome = options.outcome ?? 'succeeded';
  if ((outcome as string) === 'paused') {
    fail('outcome', "Anchor has no paused status, so the anchor sandbox cannot script outcome 'paused'");
  }
  if (!Object.hasOwn(OUTCOME_STATUS, outcome)) {
    fail(
      'outcome',
      `outcome must be 'succeeded', 'failed', 'timed_out' or 'cancelled', got ${JSON.stringify(outcome)}`,
    );
  }
  const ending = outcome;
  const steps = options.steps ?? 3;
  if (!(Number.isInteger(steps) && steps >= 0)) fail('steps', `steps must be an integer >= 0, got ${steps}`);
  const output =
    options.output ?? (ending === 'succeeded' ? `Sandbox task finished after ${steps} steps` : undefined);
  const result = options.result ?? (output !== undefined ? { output } : undefined);
  const running = Array.from({ length: steps }, () => ({ afterMs: stepMs, state: { status: 'running' } }));
  return [
    { afterMs: 0, state: { status: 'queued' } },
    ...running,
    {
      afterMs: stepMs,
      state: {
        status: OUTCOME_STATUS[ending],
        output: output ?? null,
        result: result ?? null,
        error: options.error ?? DEFAULT_ERROR[ending] ?? null,
        executionTime: (steps + 1) * stepMs,
      },
    },
  ];
}

function toExecutionResult(task: SandboxTask, stage: AnchorSandboxStage): AnchorTaskExecutionResult {
  return {
    id: task.executionId,
    taskVersionId: task.taskVersionId,
    version: '1',
    status: stage.status,
    output: stage.output ?? null,
    errorMessage: stage.error ?? null,
    startTime: task.startTime,
    executionTime: stage.executionTime ?? null,
  };
}

function toRunStatus(task: SandboxTask, stage: AnchorSandboxStage): AnchorTaskRunStatus {
  const body: AnchorTaskRunStatus = { run_id: task.executionId, status: stage.status };
  if (stage.result != null) body.result = stage.result;
  if (stage.error != null) body.error = stage.error;
  if (stage.status !== 'queued') body.session_id = task.sessionId;
  return body;
}

function errorReply(code: number, message: string): RouteReply {
  return { status: code, body: { error: { code, message } } };
}

function fail(argument: string, message: string): never {
  throw new InvalidArgumentError({ argument, message: `anchor sandbox: ${message}` });
}
