import {
  AuthenticationError,
  InvalidArgumentError,
  NotFoundError,
  type Task,
  TaskWaitTimeoutError,
  waitForTask,
  watchTask,
} from '@x/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BrowserUseTaskView } from '../browser-use-api-types';
import { createBrowserUse } from '../browser-use-provider';
import { type BrowserUseSandbox, createBrowserUseSandbox } from './index';

const FAST = { intervalMs: 5, maxIntervalMs: 10, timeoutMs: 5_000 };
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

let sandbox: BrowserUseSandbox;
const provider = () => createBrowserUse({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });

beforeAll(async () => {
  sandbox = await createBrowserUseSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.server.clearFaults();
  sandbox.server.clearRequests();
  vi.unstubAllEnvs();
});

describe('the sandbox speaks Browser Use', () => {
  it('serves a realistic TaskView and its status view', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read', steps: 2 });
    const api = provider().api;
    const created = await api.getTask(taskId);
    expect(created).toMatchObject({
      id: taskId,
      status: 'created',
      startedAt: null,
      finishedAt: null,
      steps: [],
      cost: null,
    });
    expect(created.createdAt).toMatch(NAIVE);
    const started = await api.getTaskStatus(taskId);
    expect(started).toEqual({
      id: taskId,
      status: 'started',
      output: null,
      finishedAt: null,
      isSuccess: null,
      cost: '0.0100',
    });
    const step1 = await api.getTask(taskId);
    expect(step1.steps).toHaveLength(1);
    expect(step1.cost).toBe('0.0120');
    expect(step1.steps[0]).toMatchObject({ number: 1, url: 'about:blank', duration: 0.1 });
    expect(JSON.parse(step1.steps[0]!.actions![0]!)).toEqual({
      go_to_url: { url: 'https://news.ycombinator.com', new_tab: false },
    });
    await api.getTask(taskId);
    const finished = await api.getTask(taskId);
    expect(finished).toMatchObject({ status: 'finished', isSuccess: true, cost: '0.0140' });
    expect(finished.finishedAt).toMatch(NAIVE);
    expect(finished.outputFiles).toEqual([{ id: expect.any(String), fileName: 'output.md' }]);
    expect(Object.keys(finished).sort()).toEqual(
      [
        'id',
        'sessionId',
        'llm',
        'task',
        'status',
        'createdAt',
        'startedAt',
        'finishedAt',
        'metadata',
        'steps',
        'output',
        'outputFiles',
        'browserUseVersion',
        'isSuccess',
        'judgement',
        'judgeVerdict',
        'cost',
        'suggestions',
      ].sort(),
    );
  });

  it('answers JSON with the vendor content type', async () => {
    const response = await fetch(`${sandbox.baseURL}/tasks/${sandbox.createTask()}`, {
      headers: { 'X-Browser-Use-API-Key': sandbox.apiKey },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('rejects a missing or wrong key with 401', async () => {
    const taskId = sandbox.createTask();
    const missing = await fetch(`${sandbox.baseURL}/tasks/${taskId}`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: 'Invalid API key' });
    const wrong = createBrowserUse({ apiKey: 'sk-wrong', baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await wrong.getTask(taskId).catch((caught: unknown) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browser-use 401: Invalid API key');
    await expect(wrong.pollTask(taskId)).rejects.toSatisfy(AuthenticationError.isInstance);
  });

  it('answers a non-uuid with the 422 HTTPValidationError shape', async () => {
    const response = await fetch(`${sandbox.baseURL}/tasks/task_1/status`, {
      headers: { 'X-Browser-Use-API-Key': sandbox.apiKey },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        {
          type: 'uuid_parsing',
          loc: ['path', 'task_id'],
          msg: 'Input should be a valid UUID',
          input: 'task_1',
        },
      ],
    });
  });

  it('answers any non-uuid with 422, even one made of hex digits and dashes', async () => {
    for (const input of ['abc123', '0000-1111', `${'a'.repeat(32)}`]) {
      const response = await fetch(`${sandbox.baseURL}/tasks/${input}/status`, {
        headers: { 'X-Browser-Use-API-Key': sandbox.apiKey },
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { detail: Array<{ input: string }> }).detail[0]?.input).toBe(input);
    }
  });

  it('finds a task by its uuid in any letter case, as the API parses uuids', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read' });
    for (const path of [`/tasks/${taskId.toUpperCase()}`, `/tasks/${taskId.toUpperCase()}/status`]) {
      const response = await fetch(`${sandbox.baseURL}${path}`, {
        headers: { 'X-Browser-Use-API-Key': sandbox.apiKey },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { id: string }).id).toBe(taskId);
    }
  });

  it('serves the task id whatever an explicit stage sets', async () => {
    const taskId = sandbox.createTask({ stages: [{ state: { id: 'other', status: 'started' } }] });
    expect((await provider().api.getTask(taskId)).id).toBe(taskId);
    expect((await provider().api.getTaskStatus(taskId)).id).toBe(taskId);
  });

  it('the provider never sends a non-uuid (the sandbox would answer 422)', async () => {
    const error = await provider()
      .api.getTask('task_1')
      .catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('answers an unknown task with 404 {detail: "Task not found"}', async () => {
    const error = await provider()
      .getTask('0b6c5f1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e')
      .catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browser-use 404: Task not found');
    expect((error as NotFoundError).body).toEqual({ detail: 'Task not found' });
  });

  it('points a provider at itself through env()', async () => {
    for (const [name, value] of Object.entries(sandbox.env())) vi.stubEnv(name, value);
    expect(Object.keys(sandbox.env()).sort()).toEqual(['BROWSER_USE_API_KEY', 'BROWSER_USE_BASE_URL']);
    const task = await createBrowserUse({ maxRetries: 0 }).getTask(sandbox.createTask({ advanceOn: 'read' }));
    expect(task.status).toBe('queued');
  });

  it('refuses the outcomes Browser Use cannot express', () => {
    for (const outcome of ['timed_out', 'paused']) {
      // Not in SandboxOutcome; a JavaScript caller gets a typed error naming the option.
      const call = () => sandbox.createTask({ outcome: outcome as never });
      expect(call).toThrow(new RegExp(`no task status for "${outcome}"`));
      expect(call).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'outcome' }));
    }
  });

  it('names the option at fault', () => {
    expect(() => sandbox.createTask({ stepMs: Number.NaN })).toThrow(
      'stepMs must be a finite number >= 0, got NaN',
    );
    expect(() => sandbox.createTask({ stepMs: -5 })).toThrow('stepMs must be a finite number >= 0, got -5');
    expect(() => sandbox.createTask({ stepMs: Number.POSITIVE_INFINITY })).toThrow(
      'stepMs must be a finite number >= 0, got Infinity',
    );
    expect(() => sandbox.createTask({ advanceOn: 'poll' as 'read' })).toThrow(
      /advanceOn must be 'time' or 'read'/,
    );
  });
});

describe('a sandbox on an injected clock', () => {
  it('moves through the stages as the clock moves, with naive UTC timestamps from it', async () => {
    let clock = Date.UTC(2025, 8, 1, 10, 0, 0);
    const timed = await createBrowserUseSandbox({ now: () => clock, apiKey: 'sk-sandbox-fixed' });
    try {
      expect(timed.apiKey).toBe('sk-sandbox-fixed');
      const api = createBrowserUse({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 }).api;
      const taskId = timed.createTask({ steps: 1, stepMs: 1_000, output: 'All done' });
      expect(await api.getTask(taskId)).toMatchObject({
        status: 'created',
        createdAt: '2025-09-01T10:00:00.000000',
      });
      expect(await api.getTask(taskId)).toMatchObject({ status: 'created' });
      clock += 1_000;
      expect(await api.getTask(taskId)).toMatchObject({
        status: 'started',
        startedAt: '2025-09-01T10:00:01.000000',
        steps: [],
      });
      clock += 1_000;
      expect((await api.getTask(taskId)).steps).toHaveLength(1);
      clock += 60_000;
      expect(await api.getTaskStatus(taskId)).toEqual({
        id: taskId,
        status: 'finished',
        output: 'All done',
        finishedAt: '2025-09-01T10:00:03.000000',
        isSuccess: true,
        cost: '0.0120',
      });
    } finally {
      await timed.close();
    }
  });

  it('a failed task says isSuccess: false in both views', async () => {
    let clock = Date.UTC(2025, 8, 1, 10, 0, 0);
    const timed = await createBrowserUseSandbox({ now: () => clock });
    try {
      const api = createBrowserUse({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 }).api;
      const taskId = timed.createTask({ outcome: 'failed', steps: 1, stepMs: 10 });
      expect((await api.getTaskStatus(taskId)).isSuccess).toBeNull();
      clock += 60_000;
      expect(await api.getTaskStatus(taskId)).toMatchObject({ status: 'failed', isSuccess: false });
      expect(await api.getTask(taskId)).toMatchObject({ status: 'failed', isSuccess: false });
    } finally {
      await timed.close();
    }
  });

  it('times explicit stages from the previous stage', async () => {
    let clock = Date.UTC(2025, 8, 1, 10, 0, 0);
    const timed = await createBrowserUseSandbox({ now: () => clock });
    try {
      const api = createBrowserUse({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 }).api;
      const taskId = timed.createTask({
        stepMs: 100,
        stages: [
          { state: {} },
          { afterMs: 500, state: { status: 'started' } },
          { state: { status: 'finished' } },
        ],
      });
      const statusAt = async (ms: number) => {
        clock = Date.UTC(2025, 8, 1, 10, 0, 0) + ms;
        return (await api.getTaskStatus(taskId)).status;
      };
      expect(await statusAt(499)).toBe('created');
      expect(await statusAt(500)).toBe('started');
      expect(await statusAt(599)).toBe('started');
      expect(await statusAt(600)).toBe('finished');
    } finally {
      await timed.close();
    }
  });
});

describe('waiting through the sandbox', () => {
  it('follows a task from created to finished on the sandbox clock: /status polled, the full view read once', async () => {
    let clock = Date.UTC(2025, 8, 1, 10, 0, 0);
    const timed = await createBrowserUseSandbox({ now: () => clock });
    try {
      const taskId = timed.createTask({ steps: 3, stepMs: 1_000 });
      const seen: Array<[string, number]> = [];
      const timedProvider = createBrowserUse({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 });
      const task = await waitForTask(timedProvider, taskId, {
        intervalMs: 1_000,
        backoffFactor: 1,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
        onUpdate: (update) => seen.push([update.providerStatus, update.steps.length]),
      });
      expect(seen).toEqual([
        ['created', 0],
        ['started', 0],
        ['finished', 3], // the light view has no steps: the last update is the full task
      ]);
      expect(task.status).toBe('succeeded');
      expect(task.steps.map((step) => step.index)).toEqual([1, 2, 3]);
      expect(task.steps[0]?.durationMs).toBe(1_000);
      expect(task.artifacts.filter((artifact) => artifact.kind === 'screenshot')).toHaveLength(3);
      expect(task.artifacts.filter((artifact) => artifact.kind === 'file')).toHaveLength(1);
      expect(task.cost).toBe('0.0160');
      expect(task.metadata).toMatchObject({ isSuccess: true });
      expect(task.createdAt?.getTime()).toBe(Date.UTC(2025, 8, 1, 10, 0, 0));
      expect(task.startedAt?.getTime()).toBe(Date.UTC(2025, 8, 1, 10, 0, 1));
      expect(task.finishedAt?.getTime()).toBe(Date.UTC(2025, 8, 1, 10, 0, 5));
      expect(task.durationMs).toBe(4_000);
      expect(timed.server.countRequests({ path: `/api/v2/tasks/${taskId}/status` })).toBe(6);
      expect(timed.server.countRequests({ path: `/api/v2/tasks/${taskId}` })).toBe(1);
      expect(timed.server.requests.at(-1)?.path).toBe(`/api/v2/tasks/${taskId}`);
    } finally {
      await timed.close();
    }
  });

  it('follows a task to finished in real time', async () => {
    const taskId = sandbox.createTask({ steps: 2, stepMs: 15 });
    const task = await waitForTask(provider(), taskId, FAST);
    expect(task).toMatchObject({ status: 'succeeded', providerStatus: 'finished' });
    expect(task.steps).toHaveLength(2);
    expect(sandbox.server.countRequests({ path: `/api/v2/tasks/${taskId}` })).toBe(1);
  });

  it.each([
    ['failed', 'failed', 'failed', 'Login wall on the page'],
    ['cancelled', 'stopped', 'cancelled', 'Stopped by the user'],
  ] as const)('ends as %s (%s)', async (outcome, word, status, error) => {
    const taskId = sandbox.createTask({ outcome, steps: 1, stepMs: 10, error });
    const task = await waitForTask(provider(), taskId, FAST);
    expect(task).toMatchObject({ status, providerStatus: word, isTerminal: true, error, output: error });
    expect(task.artifacts.filter((artifact) => artifact.kind === 'file')).toEqual([]);
  });

  it('ends with a read-driven lifecycle, one stage per poll', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read', steps: 2 });
    const task = await waitForTask(provider(), taskId, FAST);
    expect(task.status).toBe('succeeded');
    expect(sandbox.server.countRequests({ path: `/api/v2/tasks/${taskId}/status` })).toBe(5);
    expect(sandbox.server.countRequests({ path: `/api/v2/tasks/${taskId}` })).toBe(1);
  });

  it('keeps polling through an unknown word from explicit stages', async () => {
    const taskId = sandbox.createTask({
      advanceOn: 'read',
      stages: [
        { state: {} },
        { state: { status: 'archiving' } },
        { state: { status: 'finished', output: 'ok' } },
      ],
    });
    const seen: Array<[string, string]> = [];
    const task = await waitForTask(provider(), taskId, {
      ...FAST,
      onUpdate: (update) => seen.push([update.status, update.providerStatus]),
    });
    expect(seen).toEqual([
      ['queued', 'created'],
      ['unknown', 'archiving'],
      ['succeeded', 'finished'],
    ]);
    expect((task.raw as BrowserUseTaskView).output).toBe('ok');
  });

  it('times out with the last task seen', async () => {
    const taskId = sandbox.createTask({ stepMs: 60_000 });
    const error = await waitForTask(provider(), taskId, { intervalMs: 5, timeoutMs: 40 }).catch(
      (caught: unknown) => caught,
    );
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as TaskWaitTimeoutError).lastTask?.providerStatus).toBe('created');
  });

  it('watchTask yields each new step', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read', steps: 2 });
    const updates: Task[] = [];
    for await (const task of watchTask(provider(), taskId, FAST)) updates.push(task);
    expect(updates.map((task) => [task.providerStatus, task.steps.length])).toEqual([
      ['created', 0],
      ['started', 0],
      ['started', 1],
      ['started', 2],
      ['finished', 2],
    ]);
  });
});

describe('faults', () => {
  it("an error-status fault without a body answers in Browser Use's error shape", async () => {
    const taskId = sandbox.createTask();
    sandbox.injectFault({ status: 502 });
    const noRetry = createBrowserUse({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await noRetry.getTask(taskId).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 502,
      body: { detail: 'Bad Gateway' },
      message: 'browser-use 502: Bad Gateway',
    });
  });

  it('a 503 then success', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read' });
    sandbox.injectFault({
      status: 503,
      body: { detail: 'Service Unavailable' },
      headers: { 'retry-after': '0' },
    });
    const task = await createBrowserUse({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
    }).getTask(taskId);
    expect(task.status).toBe('queued');
    expect(sandbox.server.requests).toHaveLength(2);
  });

  it('a 429 with Retry-After: 0 is retried, and while waiting it slows polling instead of failing', async () => {
    const taskId = sandbox.createTask({ advanceOn: 'read', steps: 0 });
    sandbox.injectFault({
      match: { path: /\/status$/ },
      status: 429,
      body: { error: 'Rate limit exceeded', limit_rps: 10, retry_after_seconds: 0 },
      headers: { 'retry-after': '0' },
      times: 2,
    });
    const retrying = createBrowserUse({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 1 });
    const task = await waitForTask(retrying, taskId, FAST);
    expect(task.status).toBe('succeeded');
  });

  it('a reset connection is retried', async () => {
    const taskId = sandbox.createTask();
    sandbox.injectFault({ reset: true });
    const task = await createBrowserUse({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
    }).getTask(taskId);
    expect(task.id).toBe(`browser-use:${taskId}`);
  });
});
