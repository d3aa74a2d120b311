import { AuthenticationError, NotFoundError, type Task, waitForTask, watchTask } from '@x/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserAITaskRaw } from '../browserai-api-types';
import { type BrowserAIProvider, createBrowserAI } from '../browserai-provider';
import { type BrowserAISandbox, createBrowserAISandbox } from './create-browserai-sandbox';

let sandbox: BrowserAISandbox;
let provider: BrowserAIProvider;
const fast = { intervalMs: 5, maxIntervalMs: 20, timeoutMs: 5_000 };

beforeEach(async () => {
  sandbox = await createBrowserAISandbox();
  provider = createBrowserAI({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
});

afterEach(async () => {
  await sandbox.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('BrowserAI sandbox', () => {
  it('serves both endpoints with every spec field', async () => {
    const sessionId = sandbox.createTask({ advanceOn: 'read', steps: 2 });
    const metadata = await provider.api.getTask(sessionId);
    expect(Object.keys(metadata).sort()).toEqual(
      [
        'executionId',
        'scriptId',
        'scriptType',
        'status',
        'progress',
        'started',
        'estimatedCompletion',
      ].sort(),
    );
    expect(metadata.status).toBe('running');
    await provider.api.getTask(sessionId);
    const results = await provider.api.getResults(sessionId);
    // A running task has no `completed` (the spec's date-time is not nullable): it is left out, never null.
    expect(Object.keys(results).sort()).toEqual(['executionId', 'results', 'started', 'status']);
    expect(results.results).toHaveLength(1);
    expect(Object.keys(results.results?.[0] ?? {}).sort()).toEqual(
      [
        'console_url',
        'history_index',
        'html_url',
        'insert_ts',
        'metadata',
        'model_output',
        'result',
        'screenshot_url',
        'state',
      ].sort(),
    );
    const request = sandbox.server.requests.at(-1);
    expect(request?.path).toBe(`/results/${sessionId}`);
  });

  it('waits from the first status to finalized, with results', async () => {
    const sessionId = sandbox.createTask({ steps: 3, advanceOn: 'read', output: 'All done' });
    const seen: Task[] = [];
    const task = await waitForTask(provider, sessionId, { ...fast, onUpdate: (update) => seen.push(update) });
    expect(seen[0]?.providerStatus).toBe('running');
    expect(seen[0]?.status).toBe('running');
    expect(task).toMatchObject({
      id: `browserai:${sessionId}`,
      status: 'succeeded',
      providerStatus: 'finalized',
      isTerminal: true,
      output: 'All done',
    });
    expect(task.steps.map((step) => step.index)).toEqual([0, 1, 2]);
    expect(task.steps[2]).toMatchObject({
      result: 'All done',
      goal: 'Report back',
      url: 'https://example.com/page/2',
    });
    expect(task.artifacts).toHaveLength(9);
    expect(task.artifacts.map((artifact) => artifact.kind).slice(0, 3)).toEqual([
      'screenshot',
      'html',
      'console',
    ]);
    expect(task.finishedAt).toBeInstanceOf(Date);
    expect(task.metadata.estimatedCompletion).toBeInstanceOf(Date);
    expect(task.metadata.logs).toEqual([
      'Task started',
      'Step 1 done',
      'Step 2 done',
      'Step 3 done',
      'Task finalized',
    ]);
    const raw: BrowserAITaskRaw = task.raw;
    expect(raw.results?.status).toBe('finalized');
  });

  it('grows the results as the history grows', async () => {
    const sessionId = sandbox.createTask({ advanceOn: 'read', steps: 3 });
    const counts: number[] = [];
    for (let read = 0; read < 4; read++) {
      await provider.api.getTask(sessionId);
      counts.push((await provider.api.getResults(sessionId)).results?.length ?? -1);
    }
    expect(counts).toEqual([0, 1, 2, 3]);
  });

  it('waits to failed, with the error', async () => {
    const sessionId = sandbox.createTask({
      outcome: 'failed',
      steps: 2,
      advanceOn: 'read',
      error: 'Captcha wall',
    });
    const task = await waitForTask(provider, sessionId, fast);
    expect(task).toMatchObject({ status: 'failed', providerStatus: 'failed', error: 'Captcha wall' });
    expect(task.steps).toHaveLength(2);
  });

  it('waits to cancelled (stopped)', async () => {
    const sessionId = sandbox.createTask({ outcome: 'cancelled', steps: 1, advanceOn: 'read' });
    const task = await waitForTask(provider, sessionId, fast);
    expect(task).toMatchObject({ status: 'cancelled', providerStatus: 'stopped', isTerminal: true });
  });

  it('resolves on awaiting (paused), with the question', async () => {
    const sessionId = sandbox.createTask({ outcome: 'paused', steps: 2, stepMs: 10 });
    const task = await waitForTask(provider, sessionId, fast);
    expect(task).toMatchObject({
      status: 'paused',
      providerStatus: 'awaiting',
      isTerminal: false,
      output: 'Which account should I sign in with?',
    });
    expect(task.steps).toHaveLength(2);
    expect(task.finishedAt).toBeUndefined();
  });

  it('rejects timed_out with a clear error', () => {
    // Not in SandboxOutcome; a JavaScript caller gets a typed error naming the option.
    const call = () => sandbox.createTask({ outcome: 'timed_out' as never });
    expect(call).toThrow(/timed_out.*not supported/);
    expect(call).toThrow(expect.objectContaining({ name: 'InvalidArgumentError', argument: 'outcome' }));
  });

  it('keeps polling through an unknown word', async () => {
    const sessionId = sandbox.createTask({
      advanceOn: 'read',
      stages: [{ status: 'warming_up' }, { status: 'running', steps: 1 }, { status: 'finalized', steps: 2 }],
    });
    const statuses: string[] = [];
    const task = await waitForTask(provider, sessionId, {
      ...fast,
      onUpdate: (update) => statuses.push(`${update.status}/${update.providerStatus}`),
    });
    expect(statuses).toEqual(['unknown/warming_up', 'running/running', 'succeeded/finalized']);
    expect(task.steps).toHaveLength(2);
  });

  it('watches the changes', async () => {
    const sessionId = sandbox.createTask({ advanceOn: 'read', steps: 2 });
    const statuses: string[] = [];
    for await (const task of watchTask(provider, sessionId, fast)) statuses.push(task.providerStatus);
    expect(statuses.at(-1)).toBe('finalized');
  });

  it('answers 401 Unauthorized to a missing or wrong key', async () => {
    const sessionId = sandbox.createTask();
    const wrong = createBrowserAI({ apiKey: 'sk-wrong', baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await rejection(wrong.getTask(sessionId));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browserai 401: Unauthorized');
    const raw = await fetch(`${sandbox.baseURL}/results/${sessionId}`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual({ error: 'Unauthorized' });
  });

  it('answers 404 Task not found to an unknown session', async () => {
    const error = await rejection(provider.getTask('sess_unknown'));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browserai 404: Task not found');
    expect(await rejection(provider.api.getResults('sess_unknown'))).toSatisfy(NotFoundError.isInstance);
  });

  it("answers an error-status fault without a body in BrowserAI's error shape", async () => {
    const sessionId = sandbox.createTask();
    sandbox.injectFault({ status: 500 });
    const noRetry = createBrowserAI({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const error = await noRetry.getTask(sessionId).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 500,
      body: { error: 'Internal Server Error' },
      message: 'browserai 500: Internal Server Error',
    });
  });

  it('retries a 503, then succeeds', async () => {
    const retrying = createBrowserAI({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 1 });
    const sessionId = sandbox.createTask();
    sandbox.injectFault({
      status: 503,
      body: { error: 'Service unavailable' },
      headers: { 'retry-after': '0' },
    });
    const task = await retrying.getTask(sessionId);
    expect(task.status).toBe('running');
    expect(sandbox.server.countRequests({ path: `/tasks/${sessionId}` })).toBe(2);
  });

  it('honours a 429 with Retry-After: 0', async () => {
    const retrying = createBrowserAI({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL, maxRetries: 1 });
    const sessionId = sandbox.createTask();
    sandbox.injectFault({
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'retry-after': '0' },
    });
    expect((await retrying.getTask(sessionId)).status).toBe('running');
  });

  it('keeps waiting through a 429 after the retries', async () => {
    const sessionId = sandbox.createTask({ advanceOn: 'read', steps: 1 });
    sandbox.injectFault({
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'retry-after': '0' },
    });
    expect((await waitForTask(provider, sessionId, fast)).status).toBe('succeeded');
  });

  it('ends at once with steps: 0', async () => {
    const sessionId = sandbox.createTask({ steps: 0, stepMs: 0 });
    const task = await provider.getTask(sessionId);
    expect(task).toMatchObject({ status: 'succeeded', steps: [], artifacts: [] });
    expect(task.output).toBeUndefined();
  });

  it('lays explicit stage fields over the metadata', async () => {
    const sessionId = sandbox.createTask({
      advanceOn: 'read',
      stages: [{ status: 'finalized', steps: 1, task: { result: { answer: 42 } } }],
    });
    const task = await provider.getTask(sessionId);
    expect(task.output).toEqual({ answer: 42 });
    expect(task.raw.task.result).toEqual({ answer: 42 });
  });

  it('a script whose last stage still runs has not ended: no completed, no end log', async () => {
    const sessionId = sandbox.createTask({ advanceOn: 'read', stages: [{ status: 'running', steps: 1 }] });
    const task = await provider.api.getTask(sessionId);
    expect(task.progress?.logs).toEqual(['Task started', 'Step 1 done']);
    const results = await provider.api.getResults(sessionId);
    expect('completed' in results).toBe(false);
    expect(results.results).toHaveLength(1);
  });

  it('says progress completed for finalized and awaiting_input for awaiting', async () => {
    const finalized = sandbox.createTask({ steps: 1, stepMs: 0 });
    expect((await provider.api.getTask(finalized)).progress?.status).toBe('completed');
    const awaiting = sandbox.createTask({ steps: 1, stepMs: 0, outcome: 'paused' });
    expect((await provider.api.getTask(awaiting)).progress?.status).toBe('awaiting_input');
  });

  it('on an injected clock: a result every stepMs, the first at once, and finalized one stepMs after the last', async () => {
    const start = Date.UTC(2025, 2, 4, 10, 0, 0);
    let clock = start;
    const timed = await createBrowserAISandbox({ now: () => clock });
    try {
      const api = createBrowserAI({ apiKey: timed.apiKey, baseURL: timed.baseURL, maxRetries: 0 }).api;
      const sessionId = timed.createTask({ steps: 2, stepMs: 100 });
      const at = async (ms: number) => {
        clock = start + ms;
        const task = await api.getTask(sessionId);
        const results = await api.getResults(sessionId);
        return { status: task.status, results: results.results?.length };
      };
      expect(await at(0)).toEqual({ status: 'running', results: 0 });
      expect(await at(99)).toEqual({ status: 'running', results: 0 });
      expect(await at(100)).toEqual({ status: 'running', results: 1 });
      expect(await at(199)).toEqual({ status: 'running', results: 1 });
      expect(await at(200)).toEqual({ status: 'finalized', results: 2 });
      const results = await api.getResults(sessionId);
      expect((results.results ?? []).map((result) => result.insert_ts)).toEqual([
        new Date(start + 100).toISOString(),
        new Date(start + 200).toISOString(),
      ]);
    } finally {
      await timed.close();
    }
  });

  it('rejects bad task options', () => {
    expect(() => sandbox.createTask({ steps: -1 })).toThrow(RangeError);
    expect(() => sandbox.createTask({ steps: 1.5 })).toThrow(RangeError);
    expect(() => sandbox.createTask({ stepMs: Number.NaN })).toThrow(RangeError);
    expect(() => sandbox.createTask({ stages: [] })).toThrow(RangeError);
  });

  it('answers 401 to another auth scheme', async () => {
    const sessionId = sandbox.createTask();
    const response = await fetch(`${sandbox.baseURL}/tasks/${sessionId}`, {
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Unauthorized' });
  });

  it('sends JSON with timestamps in ISO 8601', async () => {
    const sessionId = sandbox.createTask({ steps: 1, stepMs: 0 });
    const response = await fetch(`${sandbox.baseURL}/results/${sessionId}`, {
      headers: { authorization: `apikey ${sandbox.apiKey}` },
    });
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { started: string; completed: string };
    expect(body.started).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(body.completed).toMatch(/Z$/);
  });

  it('points the default settings at itself through env()', async () => {
    expect(sandbox.env()).toEqual({ BROWSERAI_API_KEY: sandbox.apiKey, BROWSERAI_BASE_URL: sandbox.baseURL });
    expect(sandbox.apiKey).toMatch(/^sk-sandbox-/);
  });
});
