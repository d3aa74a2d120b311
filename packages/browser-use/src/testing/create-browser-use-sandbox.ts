import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { isUuid } from '@x/core';
import {
  createTaskScript,
  createTestServer,
  type RouteContext,
  type RouteReply,
  type ScriptStage,
  type TaskScript,
} from '@x/core/testing';
import type { BrowserUseTaskStatusView, BrowserUseTaskView } from '../browser-use-api-types';
import type {
  BrowserUseSandbox,
  BrowserUseSandboxOptions,
  BrowserUseSandboxTaskOptions,
} from './browser-use-sandbox-types';
import { buildBrowserUseStages, createBaseView, type TimedView } from './build-browser-use-stages';

const BASE_PATH = '/api/v2';
const API_KEY_HEADER = 'x-browser-use-api-key';

/**
 * Starts a Browser Use API on 127.0.0.1 serving `GET /api/v2/tasks/{task_id}` and `.../status` as the vendor
 * does: missing or wrong `X-Browser-Use-API-Key` → 401 `{detail: 'Invalid API key'}`, a non-uuid id → 422
 * `HTTPValidationError`, an unknown task → 404 `{detail: 'Task not found'}`. Tasks are scripted with `createTask`.
 * @example
 * const sandbox = await createBrowserUseSandbox();
 * const provider = createBrowserUse({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
 * await waitForTask(provider, sandbox.createTask({ steps: 2, stepMs: 20 }), { intervalMs: 10 }); // from '@x/core'
 */
export async function createBrowserUseSandbox(
  options: BrowserUseSandboxOptions = {},
): Promise<BrowserUseSandbox> {
  const apiKey = options.apiKey ?? `sk-sandbox-${randomBytes(16).toString('hex')}`;
  const now = options.now ?? Date.now;
  const tasks = new Map<string, TaskScript<BrowserUseTaskView>>();

  function authorize(context: RouteContext): RouteReply | undefined {
    if (context.request.headers[API_KEY_HEADER] !== apiKey)
      return { status: 401, body: { detail: 'Invalid API key' } };
    return undefined;
  }

  function readTask(context: RouteContext): { view: BrowserUseTaskView } | { reply: RouteReply } {
    const taskId = context.params.taskId ?? '';
    if (!isUuid(taskId)) {
      const reply: RouteReply = {
        status: 422,
        body: {
          detail: [
            {
              type: 'uuid_parsing',
              loc: ['path', 'task_id'],
              msg: 'Input should be a valid UUID',
              input: taskId,
            },
          ],
        },
      };
      return { reply };
    }
    const script = tasks.get(taskId.toLowerCase());
    if (!script) return { reply: { status: 404, body: { detail: 'Task not found' } } };
    return { view: script.read().state };
  }

  function handle(answer: (view: BrowserUseTaskView) => unknown) {
    return (context: RouteContext): RouteReply => {
      const denied = authorize(context);
      if (denied) return denied;
      const result = readTask(context);
      return 'reply' in result ? result.reply : { status: 200, body: answer(result.view) };
    };
  }

  const server = await createTestServer({
    random: options.random,
    now,
    notFound: () => ({ status: 404, body: { detail: 'Not Found' } }),
    faultBody: (status) => ({ detail: STATUS_CODES[status] ?? 'Error' }),
    routes: [
      { method: 'GET', path: `${BASE_PATH}/tasks/:taskId`, handler: handle((view) => view) },
      { method: 'GET', path: `${BASE_PATH}/tasks/:taskId/status`, handler: handle(toStatusView) },
    ],
  });
  const baseURL = `${server.url}${BASE_PATH}`;

  return {
    baseURL,
    apiKey,
    server,
    env: () => ({ BROWSER_USE_API_KEY: apiKey, BROWSER_USE_BASE_URL: baseURL }),
    createTask(taskOptions: BrowserUseSandboxTaskOptions = {}) {
      const id = randomUUID();
      const createdAtMs = now();
      const base = createBaseView({ id, createdAtMs, options: taskOptions });
      const stepMs = taskOptions.stepMs ?? 100;
      if (!(Number.isFinite(stepMs) && stepMs >= 0)) {
        throw new RangeError(`stepMs must be a finite number >= 0, got ${stepMs}`);
      }
      const timed = taskOptions.stages
        ? layStages(base, taskOptions.stages, stepMs)
        : buildBrowserUseStages(base, createdAtMs, taskOptions);
      const script = createTaskScript(toScriptStages(timed), {
        advanceOn: taskOptions.advanceOn ?? 'time',
        now,
      });
      tasks.set(id, script);
      return id;
    },
    injectFault: (fault) => server.injectFault(fault),
    close: () => server.close(),
  };
}

/** Absolute offsets → `ScriptStage`s, whose `afterMs` counts from the previous stage. */
function toScriptStages(timed: TimedView[]): Array<ScriptStage<BrowserUseTaskView>> {
  return timed.map((stage, index) => ({
    afterMs: index === 0 ? stage.atMs : stage.atMs - timed[index - 1]!.atMs,
    state: stage.view,
  }));
}

function layStages(
  base: BrowserUseTaskView,
  stages: NonNullable<BrowserUseSandboxTaskOptions['stages']>,
  stepMs: number,
): TimedView[] {
  if (stages.length === 0) throw new RangeError('stages must hold at least one stage');
  let atMs = 0;
  return stages.map((stage, index) => {
    atMs += stage.afterMs ?? (index === 0 ? 0 : stepMs);
    return { atMs, view: { ...base, ...stage.state, id: base.id } };
  });
}

function toStatusView(view: BrowserUseTaskView): BrowserUseTaskStatusView {
  return {
    id: view.id,
    status: view.status,
    output: view.output ?? null,
    finishedAt: view.finishedAt ?? null,
    isSuccess: view.isSuccess ?? null,
    cost: view.cost ?? null,
  };
}
