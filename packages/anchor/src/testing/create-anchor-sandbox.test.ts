import {
  APIConnectionError,
  AuthenticationError,
  InvalidArgumentError,
  NotFoundError,
  type Task,
  type TaskStatus,
  waitForTask,
  watchTask,
} from '@x/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorTaskRaw, AnchorTaskRunStatus } from '../anchor-api-types';
import { type AnchorProvider, createAnchor } from '../anchor-provider';
import { type AnchorSandbox, createAnchorSandbox, type SandboxOutcome } from './create-anchor-sandbox';

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const FAST = { intervalMs: 5, maxIntervalMs: 20, timeoutMs: 5_000 };

let sandbox: AnchorSandbox;
let anchor: AnchorProvider;

beforeEach(async () => {
  sandbox = await createAnchorSandbox();
  anchor = createAnchor({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await sandbox.close();
});

describe('reads', () => {
  it('serves a v1 execution through its lifecycle, one stage per read', async () => {
    const ref = sandbox.createTask({ advanceOn: 'read', steps: 1 });
    const first = await anchor.getTask(ref);
    expect(first).toMatchObject({ status: 'queued', providerStatus: 'queued', isTerminal: false });
    expect(first.raw).toEqual({
      id: ref.executionId,
      taskVersionId: expect.any(String),
      version: '1',
      status: 'queued',
      output: null,
      errorMessage: null,
      startTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      executionTime: null,
    });
    expect((await anchor.getTask(ref)).status).toBe('running');
    const last = await anchor.getTask(ref);
    expect(last).toMatchObject({ status: 'succeeded', output: 'Sandbox task finished after 1 steps' });
    expect((await anchor.getTask(ref)).status).toBe('succeeded'); // stays at the end
  });

  it('serves a v2 run: no data wrapper, optional fields left out until set', async () => {
    const ref = sandbox.createTask({ api: 'v2', advanceOn: 'read', steps: 1, output: 'done' });
    expect(Object.keys(ref)).toEqual(['runId']);
    const queued = await anchor.getTask(ref);
    expect(queued.raw).toEqual({ run_id: ref.runId, status: 'queued' });
    const running = await anchor.getTask(ref);
    expect(running.raw).toEqual({ run_id: ref.runId, status: 'running', session_id: expect.any(String) });
    const done = await anchor.getTask(ref);
    expect(done.raw).toEqual({
      run_id: ref.runId,
      status: 'success',
      result: { output: 'done' },
      session_id: running.raw.session_id,
    });
    expect(done).toMatchObject({ status: 'succeeded', output: { output: 'done' } });
  });

  it('moves with the clock when advanceOn is time', async () => {
    let clock = 1_700_000_000_000;
    const timed = await createAnchorSandbox({ now: () => clock });
    try {
      const provider = createAnchor({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 });
      const ref = timed.createTask({ steps: 2, stepMs: 100 });
      expect((await provider.getTask(ref)).status).toBe('queued');
      expect((await provider.getTask(ref)).status).toBe('queued'); // reads do not advance it
      clock += 100;
      expect((await provider.getTask(ref)).status).toBe('running');
      clock += 250;
      const done = await provider.getTask(ref);
      expect(done).toMatchObject({ status: 'succeeded', durationMs: 300 });
      expect(done.startedAt).toEqual(new Date(1_700_000_000_000));
      expect(done.finishedAt).toEqual(new Date(1_700_000_000_300));
    } finally {
      await timed.close();
    }
  });

  it('times explicit stages from the previous one: stepMs apart by default, the first at once', async () => {
    let clock = 1_700_000_000_000;
    const timed = await createAnchorSandbox({ now: () => clock });
    try {
      const provider = createAnchor({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 });
      const ref = timed.createTask({
        api: 'v2',
        stepMs: 100,
        stages: [{ status: 'queued' }, { status: 'running' }, { status: 'success' }],
      });
      const statusAt = async (ms: number) => {
        clock = 1_700_000_000_000 + ms;
        return (await provider.getTask(ref)).providerStatus;
      };
      expect(await statusAt(0)).toBe('queued');
      expect(await statusAt(99)).toBe('queued');
      expect(await statusAt(100)).toBe('running');
      expect(await statusAt(199)).toBe('running');
      expect(await statusAt(200)).toBe('success');
    } finally {
      await timed.close();
    }
  });

  it('answers JSON and logs the request with its headers', async () => {
    const ref = sandbox.createTask({ api: 'v2' });
    await anchor.getTask(ref);
    const [request] = sandbox.server.requests;
    expect(request).toMatchObject({ method: 'GET', path: `/v2/tasks/runs/${ref.runId}/status` });
    expect(request?.headers['anchor-api-key']).toBe(sandbox.apiKey);
    expect(request?.headers['user-agent']).toContain('@x/anchor/0.0.0-test');
    const response = await fetch(`${sandbox.baseURL}/v2/tasks/runs/${ref.runId}/status`, {
      headers: { 'anchor-api-key': sandbox.apiKey },
    });
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('points a provider at itself through env()', async () => {
    for (const [name, value] of Object.entries(sandbox.env())) vi.stubEnv(name, value);
    expect(Object.keys(sandbox.env()).sort()).toEqual(['ANCHORBROWSER_API_KEY', 'ANCHORBROWSER_BASE_URL']);
    const ref = sandbox.createTask({ advanceOn: 'read' });
    expect((await createAnchor().getTask(ref)).status).toBe('queued');
  });

  it('accepts a chosen key', async () => {
    const keyed = await createAnchorSandbox({ apiKey: 'sk-sandbox-fixed' });
    try {
      expect(keyed.apiKey).toBe('sk-sandbox-fixed');
      const ref = keyed.createTask();
      const task = await createAnchor({ apiKey: 'sk-sandbox-fixed', baseURL: keyed.baseURL }).getTask(ref);
      expect(task.status).toBe('queued');
    } finally {
      await keyed.close();
    }
  });
});

describe('waitForTask to each terminal status', () => {
  const cases: [SandboxOutcome, TaskStatus, string][] = [
    ['succeeded', 'succeeded', 'success'],
    ['failed', 'failed', 'failure'],
    ['timed_out', 'timed_out', 'timeout'],
    ['cancelled', 'cancelled', 'cancelled'],
  ];

  it.each(cases)('v1 execution, outcome %s → %s', async (outcome, status, word) => {
    const ref = sandbox.createTask({ outcome, steps: 2, stepMs: 10 });
    const seen: TaskStatus[] = [];
    const task = await waitForTask(anchor, ref, { ...FAST, onUpdate: (update) => seen.push(update.status) });
    expect(task).toMatchObject({ status, providerStatus: word, isTerminal: true, durationMs: 30 });
    expect(task.id).toBe(`anchor:${ref.taskId}/${ref.executionId}`);
    expect(task.finishedAt!.getTime() - task.startedAt!.getTime()).toBe(30);
    expect(seen.at(-1)).toBe(status);
    expect(task.raw.status).toBe(word);
    if (outcome === 'succeeded') expect(task.output).toBe('Sandbox task finished after 2 steps');
    if (outcome === 'failed') expect(task.error).toBe('Task failed: the agent could not complete the task');
    if (outcome === 'timed_out') expect(task.error).toBe('Task execution timed out');
    if (outcome === 'cancelled') expect(task).not.toHaveProperty('error');
  });

  it.each(cases)('v2 run, outcome %s → %s', async (outcome, status, word) => {
    const ref = sandbox.createTask({ api: 'v2', outcome, steps: 2, stepMs: 10, error: `ended: ${outcome}` });
    const task = await waitForTask(anchor, ref, FAST);
    expect(task).toMatchObject({
      status,
      providerStatus: word,
      isTerminal: true,
      error: `ended: ${outcome}`,
    });
    expect(task.id).toBe(`anchor:run/${ref.runId}`);
    expect(task.raw).toMatchObject({ run_id: ref.runId, status: word, session_id: expect.any(String) });
    expect(task.metadata).toEqual({ sessionId: (task.raw as AnchorTaskRunStatus).session_id });
  });

  it('watches every status change, in order', async () => {
    const ref = sandbox.createTask({ api: 'v2', advanceOn: 'read', steps: 2 });
    const statuses: string[] = [];
    for await (const task of watchTask(anchor, ref, FAST)) statuses.push(task.providerStatus);
    expect(statuses).toEqual(['queued', 'running', 'success']);
  });

  it('keeps polling through an unknown status word', async () => {
    const ref = sandbox.createTask({
      advanceOn: 'read',
      stages: [{ status: 'queued' }, { status: 'waiting_for_review' }, { status: 'success', output: 'ok' }],
    });
    const seen: Task[] = [];
    const task = await waitForTask(anchor, ref, { ...FAST, onUpdate: (update) => seen.push(update) });
    expect(seen.map((update) => [update.status, update.providerStatus])).toEqual([
      ['queued', 'queued'],
      ['unknown', 'waiting_for_review'],
      ['succeeded', 'success'],
    ]);
    expect(task.output).toBe('ok');
  });

  it('reads a union of references', async () => {
    const refs = [
      sandbox.createTask({ stepMs: 5, steps: 1 }),
      sandbox.createTask({ api: 'v2', stepMs: 5, steps: 1 }),
    ];
    const tasks: Task<AnchorTaskRaw>[] = await Promise.all(refs.map((ref) => waitForTask(anchor, ref, FAST)));
    expect(tasks.map((task) => ('run_id' in task.raw ? 'v2' : 'v1'))).toEqual(['v1', 'v2']);
  });
});

describe('errors as the vendor sends them', () => {
  it('answers 401 for a wrong key', async () => {
    const ref = sandbox.createTask();
    const wrong = createAnchor({ apiKey: 'sk-wrong-key', baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await wrong.getTask(ref).catch((caught) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toBe('anchor 401: Invalid API key');
    expect(error.body).toEqual({ error: { code: 401, message: 'Invalid API key' } });
  });

  it('answers 401 for a missing key, on every path', async () => {
    const ref = sandbox.createTask({ api: 'v2' });
    for (const path of [`/v2/tasks/runs/${ref.runId}/status`, '/v1/nothing']) {
      const response = await fetch(`${sandbox.baseURL}${path}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 401, message: 'Invalid API key' } });
    }
  });

  it('answers 404 for unknown ids', async () => {
    const v1 = await anchor
      .getTask({ taskId: UNKNOWN_UUID, executionId: UNKNOWN_UUID })
      .catch((caught) => caught);
    expect(NotFoundError.isInstance(v1)).toBe(true);
    expect(v1.message).toBe('anchor 404: Task or execution result not found');
    expect(v1.body).toEqual({ error: { code: 404, message: 'Task or execution result not found' } });

    sandbox.createTask({ api: 'v2' }); // a run that exists does not answer for another id
    const v2 = await anchor.getTask({ runId: 'no-such-run' }).catch((caught) => caught);
    expect(NotFoundError.isInstance(v2)).toBe(true);
    expect(v2.message).toBe('anchor 404: Task run not found');
  });

  it('answers 404 for an execution asked under another task', async () => {
    const ref = sandbox.createTask();
    const error = await anchor
      .getTask({ taskId: UNKNOWN_UUID, executionId: ref.executionId })
      .catch((c) => c);
    expect(NotFoundError.isInstance(error)).toBe(true);
  });

  it('finds an execution by its uuids in any case, as uuids are case-insensitive', async () => {
    const ref = sandbox.createTask();
    const upper = { taskId: ref.taskId.toUpperCase(), executionId: ref.executionId.toUpperCase() };
    const task = await anchor.getTask(upper);
    expect(task.status).toBe('queued');
    expect(task.raw).toMatchObject({ id: ref.executionId });
  });

  it('answers 404 in the same shape for non-uuid ids and unknown paths', async () => {
    const headers = { 'anchor-api-key': sandbox.apiKey };
    for (const path of [`/v1/task/not-a-uuid/executions/${UNKNOWN_UUID}`, '/v1/tasks', '/v2/tasks/runs/x']) {
      const response = await fetch(`${sandbox.baseURL}${path}`, { headers });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 404, message: expect.any(String) } });
    }
  });

  it('rejects a non-uuid id in the provider before any request', async () => {
    await expect(anchor.getTask({ taskId: 'not-a-uuid', executionId: UNKNOWN_UUID })).rejects.toSatisfy(
      InvalidArgumentError.isInstance,
    );
    expect(sandbox.server.countRequests()).toBe(0);
  });
});

describe('faults', () => {
  it("answers an error-status fault without a body in Anchor's error shape", async () => {
    const ref = sandbox.createTask();
    sandbox.injectFault({ status: 503 });
    const noRetry = createAnchor({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await noRetry.getTask(ref).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 503,
      body: { error: { code: 503, message: 'Service Unavailable' } },
      message: 'anchor 503: Service Unavailable',
    });
  });

  it('retries a 503, then succeeds', async () => {
    const ref = sandbox.createTask({ advanceOn: 'read' });
    sandbox.injectFault({ status: 503, body: { error: { code: 503, message: 'busy' } } });
    const retrying = createAnchor({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
      maxRetryDelayMs: 5,
    });
    expect((await retrying.getTask(ref)).status).toBe('queued');
    expect(sandbox.server.countRequests()).toBe(2);
  });

  it('honours a 429 with Retry-After: 0', async () => {
    const ref = sandbox.createTask({ api: 'v2', advanceOn: 'read' });
    sandbox.injectFault({
      status: 429,
      headers: { 'retry-after': '0' },
      body: { error: { code: 429, message: 'slow down' } },
    });
    const retrying = createAnchor({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
      maxRetryDelayMs: 5,
    });
    const started = Date.now();
    expect((await retrying.getTask(ref)).status).toBe('queued');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(sandbox.server.countRequests()).toBe(2);
  });

  it('keeps waiting through rate limits instead of failing', async () => {
    const ref = sandbox.createTask({ advanceOn: 'read', steps: 1 });
    sandbox.injectFault({
      status: 429,
      headers: { 'retry-after': '0' },
      times: 2,
      match: { path: /executions/ },
    });
    const task = await waitForTask(anchor, ref, FAST);
    expect(task.status).toBe('succeeded');
  });

  it('retries a connection reset', async () => {
    const ref = sandbox.createTask({ api: 'v2', advanceOn: 'read' });
    sandbox.injectFault({ reset: true });
    await expect(anchor.getTask(ref)).rejects.toSatisfy(APIConnectionError.isInstance);
    sandbox.injectFault({ reset: true });
    const retrying = createAnchor({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
      maxRetryDelayMs: 5,
    });
    expect((await retrying.getTask(ref)).status).toBe('queued');
  });
});

describe('createTask options', () => {
  it("throws a clear error for outcome 'paused' (Anchor has no paused status)", () => {
    const error = (() => {
      try {
        sandbox.createTask({ outcome: 'paused' as never }); // not in SandboxOutcome: a JavaScript caller
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/no paused status/);
  });

  it.each([
    [{ steps: -1 }, 'steps'],
    [{ steps: 1.5 }, 'steps'],
    [{ stepMs: Number.NaN }, 'stepMs'],
    [{ stages: [] }, 'stages'],
    [{ outcome: 'done' as SandboxOutcome }, 'outcome'],
    [{ outcome: 'toString' as SandboxOutcome }, 'outcome'],
    [{ outcome: 'constructor' as SandboxOutcome }, 'outcome'],
    [{ api: 'v3' as 'v1' }, 'api'],
  ])('rejects %j', (options, argument) => {
    expect(() => sandbox.createTask(options)).toThrow(expect.objectContaining({ argument }));
  });
});
