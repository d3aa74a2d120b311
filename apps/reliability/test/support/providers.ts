import { randomUUID } from 'node:crypto';
import { type AnchorTaskRef, createAnchor } from '@x/anchor';
import { createAnchorSandbox } from '@x/anchor/testing';
import { createBrowserUse } from '@x/browser-use';
import { createBrowserUseSandbox } from '@x/browser-use/testing';
import { createBrowserAI } from '@x/browserai';
import { createBrowserAISandbox } from '@x/browserai/testing';
import { type AnyTaskProvider, type ProviderSettings, type RequestOptions, waitForTask } from '@x/core';
import type { Fault, TestServer } from '@x/core/testing';

/**
 * What the suite needs from a vendor's sandbox: the common shape of `createBrowserUseSandbox`,
 * `createAnchorSandbox` and `createBrowserAISandbox`.
 */
export interface Sandbox {
  readonly baseURL: string;
  readonly apiKey: string;
  readonly server: TestServer;
  env(): Record<string, string>;
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

/** Options every sandbox takes. */
export interface SandboxOptions {
  apiKey?: string;
  random?: () => number;
}

/** One endpoint call that takes ids, for the bad-input checks (`api.getTask`, `pollTask`, ...). */
export interface IdCall {
  name: string;
  call(id: unknown): Promise<unknown>;
}

/** A 200 body to serve (through a fault) and the normalized status it must give. */
export interface BodyCase {
  label: string;
  /** Faults to queue, in order (BrowserAI's terminal tasks read two endpoints). */
  faults: Fault[];
  status: string;
}

/**
 * One provider as the suite drives it: how to build it and its sandbox, which references to use, the
 * path of the request `getTask` makes first, vendor-shaped bodies, and where ids go.
 */
export interface ProviderAdapter {
  name: 'browser-use' | 'anchor' | 'browserai';
  apiKeyEnvironmentVariable: string;
  baseURLEnvironmentVariable: string;
  create(settings: ProviderSettings): AnyTaskProvider;
  createSandbox(options?: SandboxOptions): Promise<Sandbox>;
  /** A task that stays in its first stage for the whole run (every read sees the same state). */
  runningTask(sandbox: Sandbox): unknown;
  /** The normalized status of that first stage. */
  runningTaskStatus: string;
  /** A task that goes through a few steps and ends `succeeded` after about `steps * stepMs`. */
  finishingTask(sandbox: Sandbox, options: { steps: number; stepMs: number }): unknown;
  /** A task that shows the vendor word `word` (never seen by the SDK), then ends after `endAfterMs`. */
  unknownWordTask(sandbox: Sandbox, word: string, endAfterMs: number): unknown;
  /** The path of the request `getTask` makes first, for `server.countRequests`. */
  taskPath: RegExp;
  /** The vendor's error body for a message (its own shape). */
  errorBody(message: string): unknown;
  /** A spec-valid 200 body of the first endpoint, with `status` as the vendor word. */
  bodyWithStatus(ref: unknown, word: string): unknown;
  /** Spec-valid 200 bodies with optional fields missing or null. */
  sparseBodies(ref: unknown): BodyCase[];
  /** A spec-valid body of the first endpoint whose own id is not the reference's (when the body has one). */
  bodyWithOtherId?(ref: unknown, id: string): unknown;
  /** The string form of a reference holding `id` (in the first id slot). */
  stringRefWithId(id: string): string;
  /** References with `id` in each id slot, to prove each slot is checked. */
  refsWithId(id: unknown): Array<{ slot: string; ref: unknown }>;
  /** Whether the spec types the ids as uuids (then any non-uuid must be refused before a request). */
  idsAreUuids: boolean;
  /** The provider's other id-taking calls (vendor endpoints, light polling), each given one id. */
  idCalls(provider: AnyTaskProvider): IdCall[];
}

const RUNNING_FOR = 600_000;
const isoNow = () => new Date().toISOString();
const naiveNow = () => new Date().toISOString().replace('Z', '');

type BrowserUseLike = ReturnType<typeof createBrowserUse>;
type AnchorLike = ReturnType<typeof createAnchor>;
type BrowserAILike = ReturnType<typeof createBrowserAI>;

/** Browser Use: `GET /api/v2/tasks/{task_id}`, uuid ids, light `/status` view for polling. */
export const browserUseAdapter: ProviderAdapter = {
  name: 'browser-use',
  apiKeyEnvironmentVariable: 'BROWSER_USE_API_KEY',
  baseURLEnvironmentVariable: 'BROWSER_USE_BASE_URL',
  create: (settings) => createBrowserUse(settings),
  createSandbox: (options) => createBrowserUseSandbox(options),
  runningTask: (sandbox) => asBrowserUse(sandbox).createTask({ stepMs: RUNNING_FOR }),
  runningTaskStatus: 'queued',
  finishingTask: (sandbox, { steps, stepMs }) => asBrowserUse(sandbox).createTask({ steps, stepMs }),
  unknownWordTask: (sandbox, word, endAfterMs) =>
    asBrowserUse(sandbox).createTask({
      stages: [
        { state: { status: word } },
        { afterMs: endAfterMs, state: { status: 'finished', output: 'done', finishedAt: naiveNow() } },
      ],
    }),
  taskPath: /^\/api\/v2\/tasks\/[^/]+$/,
  errorBody: (message) => ({ detail: message }),
  bodyWithStatus: (ref, word) => ({ ...browserUseRequired(ref as string), status: word }),
  bodyWithOtherId: (ref, id) => ({ ...browserUseRequired(ref as string), id }),
  sparseBodies(ref) {
    const required = browserUseRequired(ref as string);
    const step = { number: 1, memory: '', evaluationPreviousGoal: '', nextGoal: '', url: '', actions: [] };
    return [
      { label: 'TaskView with the required fields only', faults: [ok(required)], status: 'running' },
      {
        label: 'TaskView with every optional field null (steps and files too)',
        faults: [
          ok({
            ...required,
            status: 'finished',
            startedAt: null,
            finishedAt: null,
            metadata: null,
            output: null,
            browserUseVersion: null,
            isSuccess: null,
            judgement: null,
            judgeVerdict: null,
            cost: null,
            suggestions: null,
            steps: [{ ...step, screenshotUrl: null, duration: null }],
            outputFiles: [{ id: randomUUID(), fileName: 'output.md' }],
          }),
        ],
        status: 'succeeded',
      },
      {
        label: 'TaskView whose steps hold only their required fields',
        faults: [ok({ ...required, steps: [step, { ...step, number: 2 }] })],
        status: 'running',
      },
    ];
  },
  stringRefWithId: (id) => `browser-use:${id}`,
  refsWithId: (id) => [{ slot: 'taskId', ref: id }],
  idsAreUuids: true,
  idCalls(provider) {
    const browserUse = provider as BrowserUseLike;
    return [
      { name: 'api.getTask', call: (id) => browserUse.api.getTask(id as string) },
      { name: 'api.getTaskStatus', call: (id) => browserUse.api.getTaskStatus(id as string) },
      { name: 'pollTask', call: (id) => browserUse.pollTask(id as string) },
      { name: 'waitForTask', call: (id) => waitForTask(browserUse, id as string, { intervalMs: 1 }) },
    ];
  },
};

function browserUseRequired(id: string) {
  return {
    id,
    sessionId: randomUUID(),
    llm: 'browser-use-llm',
    task: 'Find the top story',
    status: 'started',
    createdAt: naiveNow(),
    steps: [],
    outputFiles: [],
  };
}

/** Anchor: the legacy `GET /v1/task/{taskId}/executions/{executionId}` (uuids) and v2 runs (`runId`). */
export const anchorAdapter: ProviderAdapter = {
  name: 'anchor',
  apiKeyEnvironmentVariable: 'ANCHORBROWSER_API_KEY',
  baseURLEnvironmentVariable: 'ANCHORBROWSER_BASE_URL',
  create: (settings) => createAnchor(settings),
  createSandbox: (options) => createAnchorSandbox(options),
  runningTask: (sandbox) => asAnchor(sandbox).createTask({ stepMs: RUNNING_FOR }),
  runningTaskStatus: 'queued',
  finishingTask: (sandbox, { steps, stepMs }) => asAnchor(sandbox).createTask({ steps, stepMs }),
  unknownWordTask: (sandbox, word, endAfterMs) =>
    asAnchor(sandbox).createTask({
      stages: [
        { status: word },
        { afterMs: endAfterMs, status: 'success', output: 'done', executionTime: 5 },
      ],
    }),
  taskPath: /^\/v1\/task\/[^/]+\/executions\/[^/]+$|^\/v2\/tasks\/runs\/[^/]+\/status$/,
  errorBody: (message) => ({ error: { code: 500, message } }),
  bodyWithStatus: (ref, word) => ({ data: { ...anchorRequired(ref as AnchorTaskRef), status: word } }),
  bodyWithOtherId: (ref, id) => ({ data: { ...anchorRequired(ref as AnchorTaskRef), id } }),
  sparseBodies(ref) {
    const required = anchorRequired(ref as AnchorTaskRef);
    return [
      {
        label: 'execution result with the required fields only',
        faults: [ok({ data: required })],
        status: 'running',
      },
      {
        label: 'execution result with every optional field null',
        faults: [
          ok({
            data: { ...required, status: 'success', output: null, errorMessage: null, executionTime: null },
          }),
        ],
        status: 'succeeded',
      },
      {
        label: 'failed execution with every optional field null',
        faults: [
          ok({
            data: { ...required, status: 'failure', output: null, errorMessage: null, executionTime: null },
          }),
        ],
        status: 'failed',
      },
    ];
  },
  stringRefWithId: (id) => `anchor:${id}/${randomUUID()}`,
  refsWithId: (id) => [
    { slot: 'taskId', ref: { taskId: id, executionId: randomUUID() } },
    { slot: 'executionId', ref: { taskId: randomUUID(), executionId: id } },
    { slot: 'runId', ref: { runId: id } },
  ],
  idsAreUuids: true,
  idCalls(provider) {
    const anchor = provider as AnchorLike;
    return [
      {
        name: 'api.getTaskExecutionResult(taskId)',
        call: (id) => anchor.api.getTaskExecutionResult(id as string, randomUUID()),
      },
      {
        name: 'api.getTaskExecutionResult(executionId)',
        call: (id) => anchor.api.getTaskExecutionResult(randomUUID(), id as string),
      },
      { name: 'api.getTaskRunStatus', call: (id) => anchor.api.getTaskRunStatus(id as string) },
      { name: 'waitForTask', call: (id) => waitForTask(anchor, { runId: id as string }, { intervalMs: 1 }) },
    ];
  },
};

function anchorRequired(ref: AnchorTaskRef | undefined) {
  const executionId = ref && 'executionId' in ref ? ref.executionId : randomUUID();
  return {
    id: executionId,
    taskVersionId: randomUUID(),
    version: '1',
    status: 'running',
    startTime: isoNow(),
  };
}

/** BrowserAI: `GET /tasks/{session_id}` then, once terminal or paused, `GET /results/{session_id}`. */
export const browserAIAdapter: ProviderAdapter = {
  name: 'browserai',
  apiKeyEnvironmentVariable: 'BROWSERAI_API_KEY',
  baseURLEnvironmentVariable: 'BROWSERAI_BASE_URL',
  create: (settings) => createBrowserAI(settings),
  createSandbox: (options) => createBrowserAISandbox(options),
  runningTask: (sandbox) => asBrowserAI(sandbox).createTask({ stepMs: RUNNING_FOR }),
  runningTaskStatus: 'running',
  finishingTask: (sandbox, { steps, stepMs }) => asBrowserAI(sandbox).createTask({ steps, stepMs }),
  unknownWordTask: (sandbox, word, endAfterMs) =>
    asBrowserAI(sandbox).createTask({
      stages: [{ status: word }, { afterMs: endAfterMs, status: 'finalized', steps: 1 }],
    }),
  taskPath: /^\/tasks\/[^/]+$/,
  errorBody: (message) => ({ error: message }),
  bodyWithStatus: (_ref, word) => ({ status: word }),
  sparseBodies() {
    const allNullTask = {
      executionId: null,
      scriptId: null,
      scriptType: null,
      status: null,
      progress: null,
      started: null,
      estimatedCompletion: null,
      result: null,
      error: null,
    };
    const resultsPath = { path: /^\/results\// };
    return [
      { label: 'task metadata `{}` (every field is optional)', faults: [ok({})], status: 'unknown' },
      { label: 'task metadata with every field null', faults: [ok(allNullTask)], status: 'unknown' },
      {
        label: 'finished task, progress `{}`, results `{}`',
        faults: [ok({ status: 'finalized', progress: {} }), { ...ok({}), match: resultsPath }],
        status: 'succeeded',
      },
      {
        label: 'finished task, results with every field null and one all-null result',
        faults: [
          ok({ ...allNullTask, status: 'finalized', progress: { status: null, logs: null } }),
          {
            ...ok({
              executionId: null,
              status: null,
              started: null,
              completed: null,
              results: [
                {
                  model_output: null,
                  result: null,
                  state: null,
                  metadata: null,
                  history_index: null,
                  screenshot_url: null,
                  html_url: null,
                  console_url: null,
                  insert_ts: null,
                },
              ],
            }),
            match: resultsPath,
          },
        ],
        status: 'succeeded',
      },
      {
        label: 'finished task whose results are `{ results: [{}] }`',
        faults: [ok({ status: 'finalized' }), { ...ok({ results: [{}] }), match: resultsPath }],
        status: 'succeeded',
      },
    ];
  },
  stringRefWithId: (id) => `browserai:${id}`,
  refsWithId: (id) => [{ slot: 'sessionId', ref: id }],
  idsAreUuids: false,
  idCalls(provider) {
    const browserai = provider as BrowserAILike;
    return [
      { name: 'api.getTask', call: (id) => browserai.api.getTask(id as string) },
      { name: 'api.getResults', call: (id) => browserai.api.getResults(id as string) },
      { name: 'waitForTask', call: (id) => waitForTask(browserai, id as string, { intervalMs: 1 }) },
    ];
  },
};

export const ADAPTERS: readonly ProviderAdapter[] = [browserUseAdapter, anchorAdapter, browserAIAdapter];

/** A 200 fault serving `body` as JSON. */
export function ok(body: unknown): Fault {
  return { status: 200, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

/** Calls `getTask` with loose types (the suite feeds JavaScript callers' mistakes on purpose). */
export function getTask(provider: AnyTaskProvider, ref: unknown, options?: RequestOptions) {
  return provider.getTask(ref, options);
}

// The adapters keep one sandbox type; these give back each vendor's own `createTask` overloads.
function asBrowserUse(sandbox: Sandbox) {
  return sandbox as unknown as Awaited<ReturnType<typeof createBrowserUseSandbox>>;
}
function asAnchor(sandbox: Sandbox) {
  return sandbox as unknown as Awaited<ReturnType<typeof createAnchorSandbox>>;
}
function asBrowserAI(sandbox: Sandbox) {
  return sandbox as unknown as Awaited<ReturnType<typeof createBrowserAISandbox>>;
}
