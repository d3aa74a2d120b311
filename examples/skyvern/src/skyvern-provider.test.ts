import { inspect } from 'node:util';
import {
  InvalidArgumentError,
  InvalidResponseError,
  MissingApiKeyError,
  NotFoundError,
  PermissionDeniedError,
  UnprocessableEntityError,
} from '@x/core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SkyvernRun } from './skyvern-api-types';
import { createSkyvern, SKYVERN_DEFAULT_BASE_URL, skyvern } from './skyvern-provider';

// Unit tests through the public factory, with nock (no network; every mock must be used).
const BASE = SKYVERN_DEFAULT_BASE_URL;
const KEY = 'sk-test-skyvern-key';
const RUN_ID = 'tsk_v2_486305187432193504';

/** A `TaskRunResponse` with every field of Skyvern's spec, values shaped like its examples. */
const completed: SkyvernRun = {
  run_id: RUN_ID,
  status: 'completed',
  output: { top_post: 'Show HN: a browser agent', points: 312 },
  downloaded_files: [
    { url: 'https://files.example/report.pdf', checksum: 'abc123', filename: 'report.pdf', file_size: 1024 },
    { url: 'https://files.example/untitled', checksum: null, filename: null },
  ],
  recording_url: 'https://files.example/recording.webm',
  recording_archived: false,
  screenshot_urls: ['https://files.example/screenshot_3.png', 'https://files.example/screenshot_2.png'],
  failure_reason: null,
  created_at: '2025-01-01T00:00:00Z',
  modified_at: '2025-01-01T00:05:00Z',
  queued_at: '2025-01-01T00:00:01Z',
  started_at: '2025-01-01T00:00:05Z',
  finished_at: '2025-01-01T00:04:55Z',
  app_url: `https://app.skyvern.com/tasks/${RUN_ID}`,
  browser_session_id: 'pbs_123',
  browser_profile_id: null,
  max_screenshot_scrolls: null,
  script_run: null,
  errors: [],
  step_count: 7,
  run_type: 'task_v2',
  run_request: { prompt: "What's the top post on Hacker News?", engine: 'skyvern-2.0' },
};

const provider = createSkyvern({ apiKey: KEY, maxRetries: 0 });

beforeEach(() => {
  vi.stubEnv('SKYVERN_API_KEY', '');
  vi.stubEnv('SKYVERN_BASE_URL', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getTask (GET /v1/runs/{run_id})', () => {
  it('reads and normalizes a completed task run', async () => {
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(200, completed, { 'x-request-id': 'req_1' });
    const task = await provider.getTask(RUN_ID);
    expect(task).toEqual({
      provider: 'skyvern',
      id: `skyvern:${RUN_ID}`,
      status: 'succeeded',
      providerStatus: 'completed',
      isTerminal: true,
      createdAt: new Date('2025-01-01T00:00:00Z'),
      startedAt: new Date('2025-01-01T00:00:05Z'),
      finishedAt: new Date('2025-01-01T00:04:55Z'),
      durationMs: 290_000,
      output: completed.output,
      steps: [],
      artifacts: [
        { kind: 'screenshot', url: 'https://files.example/screenshot_3.png' },
        { kind: 'screenshot', url: 'https://files.example/screenshot_2.png' },
        { kind: 'recording', url: 'https://files.example/recording.webm' },
        { kind: 'file', url: 'https://files.example/report.pdf', name: 'report.pdf' },
        { kind: 'file', url: 'https://files.example/untitled' },
      ],
      metadata: {
        runType: 'task_v2',
        appUrl: completed.app_url,
        stepCount: 7,
        browserSessionId: 'pbs_123',
        queuedAt: new Date('2025-01-01T00:00:01Z'),
        modifiedAt: new Date('2025-01-01T00:05:00Z'),
      },
      raw: completed,
      response: { headers: expect.objectContaining({ 'x-request-id': 'req_1' }), requestId: 'req_1' },
    });
  });

  it('reads a workflow run the same way (run_type workflow_run, wr_ id)', async () => {
    const workflow: SkyvernRun = {
      run_id: 'wr_123',
      status: 'running',
      created_at: '2025-01-01T00:00:00Z',
      modified_at: '2025-01-01T00:00:09Z',
      run_type: 'workflow_run',
      app_url: 'https://app.skyvern.com/workflows/wpid_123/wr_123',
      run_request: { workflow_id: 'wpid_123', parameters: { query: 'shoes' } },
    };
    nock(BASE).get('/v1/runs/wr_123').reply(200, workflow);
    const task = await provider.getTask('skyvern:wr_123');
    expect(task).toMatchObject({ id: 'skyvern:wr_123', status: 'running', isTerminal: false });
    expect(task.metadata).toEqual({
      runType: 'workflow_run',
      appUrl: workflow.app_url,
      modifiedAt: new Date('2025-01-01T00:00:09Z'),
    });
    expect(task.artifacts).toEqual([]);
  });

  it.each([
    ['created', 'queued', false],
    ['queued', 'queued', false],
    ['running', 'running', false],
    ['paused', 'paused', false],
    ['completed', 'succeeded', true],
    ['failed', 'failed', true],
    ['terminated', 'failed', true],
    ['timed_out', 'timed_out', true],
    ['canceled', 'cancelled', true],
    ['waiting_for_2fa', 'unknown', false],
  ] as const)('maps status %s to %s', async (word, status, isTerminal) => {
    nock(BASE)
      .get(`/v1/runs/${RUN_ID}`)
      .reply(200, { ...completed, status: word });
    const task = await provider.getTask(RUN_ID);
    expect(task).toMatchObject({ status, providerStatus: word, isTerminal });
  });

  it('reports a terminated run as failed, with failure_reason as its error', async () => {
    const terminated = {
      ...completed,
      status: 'terminated',
      output: null,
      failure_reason: 'Blocked by a captcha',
    };
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(200, terminated);
    const task = await provider.getTask(RUN_ID);
    expect(task).toMatchObject({
      status: 'failed',
      providerStatus: 'terminated',
      error: 'Blocked by a captcha',
    });
    expect(task).not.toHaveProperty('output');
  });

  it('tolerates every optional field null or missing, and fields the spec does not know', async () => {
    const minimal = {
      run_id: RUN_ID,
      status: 'queued',
      created_at: '2025-01-01T00:00:00Z',
      modified_at: '2025-01-01T00:00:00Z',
      run_type: 'task_v1',
      output: null,
      screenshot_urls: null,
      downloaded_files: null,
      a_new_field: { added: 'later' },
    };
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(200, minimal);
    const task = await provider.getTask(RUN_ID);
    expect(task.status).toBe('queued');
    expect(task.artifacts).toEqual([]);
    expect(task.raw).toEqual(minimal);
  });

  it('rejects a 2xx body that misses a required field with InvalidResponseError', async () => {
    const { run_type: _, ...withoutRunType } = completed;
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(200, withoutRunType);
    const error = await provider.getTask(RUN_ID).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('run_type');
  });

  it('sends the key as x-api-key, the user agent, the settings headers and the call headers', async () => {
    let seen: Record<string, unknown> = {};
    nock(BASE)
      .get(`/v1/runs/${RUN_ID}`)
      .reply(function () {
        seen = this.req.headers;
        return [200, completed];
      });
    await createSkyvern({ apiKey: KEY, headers: { 'x-trace': 'settings' }, maxRetries: 0 }).getTask(RUN_ID, {
      headers: { 'x-call': 'call' },
    });
    expect(seen).toMatchObject({ 'x-api-key': KEY, 'x-trace': 'settings', 'x-call': 'call' });
    expect(String(seen['user-agent'])).toContain('@x-examples/skyvern/0.0.0-test');
  });

  it('rejects a run id that would leave the endpoint before any request', async () => {
    for (const runId of ['tsk_1/cancel', '..', 'tsk_1?x=1']) {
      const error = await provider.getTask(runId).catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
    }
  });
});

describe("Skyvern's errors", () => {
  it('403 { detail } (a missing or wrong key) → PermissionDeniedError with the detail', async () => {
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(403, { detail: 'Invalid credentials' });
    const error = await provider.getTask(RUN_ID).catch((caught: unknown) => caught);
    expect(PermissionDeniedError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Invalid credentials');
  });

  it('404 { detail } → NotFoundError', async () => {
    nock(BASE).get('/v1/runs/tsk_404').reply(404, { detail: 'Task run not found tsk_404' });
    const error = await provider.getTask('tsk_404').catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Task run not found tsk_404');
  });

  it('422 { detail: [{ loc, msg }] } → UnprocessableEntityError naming the field', async () => {
    const body = { detail: [{ loc: ['path', 'run_id'], msg: 'Field required', type: 'missing' }] };
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(422, body);
    const error = await provider.getTask(RUN_ID).catch((caught: unknown) => caught);
    expect(UnprocessableEntityError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('path.run_id: Field required');
  });
});

describe('the provider object', () => {
  it("api.getRun returns Skyvern's body untouched", async () => {
    nock(BASE).get(`/v1/runs/${RUN_ID}`).reply(200, completed);
    expect(await provider.api.getRun(RUN_ID)).toEqual(completed);
  });

  it('reports a missing key at the first call, naming SKYVERN_API_KEY, and never shows a key', async () => {
    const error = await skyvern.getTask(RUN_ID).catch((caught: unknown) => caught);
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('SKYVERN_API_KEY');
    for (const text of [String(provider), JSON.stringify(provider), inspect(provider)]) {
      expect(text).not.toContain(KEY);
    }
  });
});
