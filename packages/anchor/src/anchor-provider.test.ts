import { inspect } from 'node:util';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
} from '@x/core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnchorTaskExecutionResult, AnchorTaskRunStatus } from './anchor-api-types';
import { anchor, createAnchor } from './anchor-provider';

const BASE = 'https://api.anchorbrowser.io';
const KEY = 'sk-test-anchor-key-123';
const TASK_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const EXECUTION_ID = '7f1e2d3c-4b5a-4697-8877-665544332211';
const RUN_ID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const EXECUTION_PATH = `/v1/task/${TASK_ID}/executions/${EXECUTION_ID}`;
const RUN_PATH = `/v2/tasks/runs/${RUN_ID}/status`;

/** The spec's example body, with realistic values. */
const execution: AnchorTaskExecutionResult = {
  id: EXECUTION_ID,
  taskVersionId: '5d0c8f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f',
  version: '3',
  status: 'success',
  output: 'Found 12 results',
  errorMessage: null,
  startTime: '2023-11-07T05:31:56Z',
  executionTime: 4500,
};

const runStatus: AnchorTaskRunStatus = {
  run_id: RUN_ID,
  status: 'success',
  result: { items: [{ title: 'A' }], count: 1 },
  session_id: '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b',
};

const provider = createAnchor({ apiKey: KEY, maxRetries: 0 });

beforeEach(() => {
  vi.stubEnv('ANCHORBROWSER_API_KEY', '');
  vi.stubEnv('ANCHORBROWSER_BASE_URL', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getTask with { taskId, executionId } (GET /v1/task/{taskId}/executions/{executionId})', () => {
  it('reads and normalizes a successful execution', async () => {
    nock(BASE).get(EXECUTION_PATH).reply(200, { data: execution }, { 'x-request-id': 'req_1' });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task).toEqual({
      provider: 'anchor',
      id: `anchor:${TASK_ID}/${EXECUTION_ID}`,
      status: 'succeeded',
      providerStatus: 'success',
      isTerminal: true,
      startedAt: new Date('2023-11-07T05:31:56Z'),
      finishedAt: new Date('2023-11-07T05:32:00.500Z'),
      durationMs: 4500,
      output: 'Found 12 results',
      steps: [],
      artifacts: [],
      metadata: { taskVersionId: execution.taskVersionId, version: '3' },
      raw: execution,
      response: { headers: expect.objectContaining({ 'x-request-id': 'req_1' }), requestId: 'req_1' },
    });
  });

  it.each([
    ['queued', 'queued', false],
    ['running', 'running', false],
    ['success', 'succeeded', true],
    ['failure', 'failed', true],
    ['timeout', 'timed_out', true],
    ['cancelled', 'cancelled', true],
    ['waiting_for_review', 'unknown', false],
  ] as const)('maps status %s to %s', async (word, status, isTerminal) => {
    nock(BASE)
      .get(EXECUTION_PATH)
      .reply(200, { data: { ...execution, status: word } });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task.status).toBe(status);
    expect(task.providerStatus).toBe(word);
    expect(task.isTerminal).toBe(isTerminal);
  });

  it('tolerates every optional field null', async () => {
    const body = { ...execution, status: 'running', output: null, errorMessage: null, executionTime: null };
    nock(BASE).get(EXECUTION_PATH).reply(200, { data: body });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task.status).toBe('running');
    expect(task.startedAt).toEqual(new Date('2023-11-07T05:31:56Z'));
    expect(task).not.toHaveProperty('output');
    expect(task).not.toHaveProperty('error');
    expect(task).not.toHaveProperty('durationMs');
    expect(task).not.toHaveProperty('finishedAt');
    expect(task.raw).toEqual(body);
  });

  it('tolerates every optional field missing, and extra fields', async () => {
    const body = {
      id: EXECUTION_ID,
      taskVersionId: execution.taskVersionId,
      version: '1',
      status: 'queued',
      startTime: '2023-11-07T05:31:56Z',
      newField: { a: 1 },
    };
    nock(BASE).get(EXECUTION_PATH).reply(200, { data: body });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task.status).toBe('queued');
    expect(task.raw).toEqual(body);
  });

  it('maps a failure: errorMessage → error, and finishedAt from startTime + executionTime', async () => {
    const body = {
      ...execution,
      status: 'failure',
      output: null,
      errorMessage: 'Element not found',
      executionTime: 1000,
    };
    nock(BASE).get(EXECUTION_PATH).reply(200, { data: body });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task).toMatchObject({ status: 'failed', error: 'Element not found', durationMs: 1000 });
    expect(task.finishedAt).toEqual(new Date('2023-11-07T05:31:57Z'));
  });

  it('sets no finishedAt while running, even with an executionTime', async () => {
    nock(BASE)
      .get(EXECUTION_PATH)
      .reply(200, { data: { ...execution, status: 'running', executionTime: 2000 } });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task.durationMs).toBe(2000);
    expect(task).not.toHaveProperty('finishedAt');
  });

  it('keeps an output the vendor sent as an object as that object', async () => {
    const output = { rows: [1, 2] };
    nock(BASE)
      .get(EXECUTION_PATH)
      .reply(200, { data: { ...execution, output } });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task.output).toEqual(output);
  });

  it('tolerates an unparseable startTime', async () => {
    nock(BASE)
      .get(EXECUTION_PATH)
      .reply(200, { data: { ...execution, startTime: 'yesterday-ish' } });
    const task = await provider.getTask({ taskId: TASK_ID, executionId: EXECUTION_ID });
    expect(task).not.toHaveProperty('startedAt');
    expect(task).not.toHaveProperty('finishedAt');
    expect(task.durationMs).toBe(4500);
  });

  it('sends the key, the user agent, the settings headers and the call headers', async () => {
    let seen: Record<string, unknown> = {};
    nock(BASE)
      .get(EXECUTION_PATH)
      .reply(function () {
        seen = this.req.headers;
        return [200, { data: execution }];
      });
    const task = await createAnchor({
      apiKey: KEY,
      headers: { 'x-trace': 'settings' },
      maxRetries: 0,
    }).getTask({ taskId: TASK_ID, executionId: EXECUTION_ID }, { headers: { 'x-call': 'call' } });
    expect(task.raw.taskVersionId).toBe(execution.taskVersionId); // typed as AnchorTaskExecutionResult
    expect(seen).toMatchObject({ 'anchor-api-key': KEY, 'x-trace': 'settings', 'x-call': 'call' });
    expect(String(seen['user-agent'])).toContain('@x/anchor/0.0.0-test');
    expect(seen.accept).toBe('application/json');
  });
});

describe('getTask with { runId } (GET /v2/tasks/runs/{runId}/status)', () => {
  it('reads and normalizes a run status (not wrapped in data)', async () => {
    nock(BASE).get(RUN_PATH).reply(200, runStatus);
    const task = await provider.getTask({ runId: RUN_ID });
    expect(task).toEqual({
      provider: 'anchor',
      id: `anchor:run/${RUN_ID}`,
      status: 'succeeded',
      providerStatus: 'success',
      isTerminal: true,
      output: runStatus.result,
      steps: [],
      artifacts: [],
      metadata: { sessionId: runStatus.session_id },
      raw: runStatus,
      response: { headers: expect.any(Object) },
    });
    expect(task.raw.session_id).toBe(runStatus.session_id); // typed as AnchorTaskRunStatus
  });

  it.each([
    ['queued', 'queued'],
    ['running', 'running'],
    ['success', 'succeeded'],
    ['failure', 'failed'],
    ['timeout', 'timed_out'],
    ['cancelled', 'cancelled'],
    ['archived', 'unknown'],
  ] as const)('maps status %s to %s', async (word, status) => {
    nock(BASE).get(RUN_PATH).reply(200, { run_id: RUN_ID, status: word });
    expect((await provider.getTask({ runId: RUN_ID })).status).toBe(status);
  });

  it('tolerates optional fields missing or null', async () => {
    nock(BASE).get(RUN_PATH).reply(200, { run_id: RUN_ID, status: 'queued' });
    const minimal = await provider.getTask({ runId: RUN_ID });
    expect(minimal).toMatchObject({ status: 'queued', metadata: {} });
    expect(minimal).not.toHaveProperty('output');

    const nulls = {
      run_id: RUN_ID,
      status: 'failure',
      result: null,
      error: 'Login failed',
      session_id: null,
    };
    nock(BASE).get(RUN_PATH).reply(200, nulls);
    const failed = await provider.getTask({ runId: RUN_ID });
    expect(failed).toMatchObject({ status: 'failed', error: 'Login failed', metadata: {}, raw: nulls });
    expect(failed).not.toHaveProperty('output');
  });

  it('accepts a run id that is not a uuid and encodes nothing away', async () => {
    nock(BASE).get('/v2/tasks/runs/run_42/status').reply(200, { run_id: 'run_42', status: 'running' });
    expect((await provider.getTask({ runId: 'run_42' })).id).toBe('anchor:run/run_42');
  });
});

describe('api', () => {
  it('getTaskExecutionResult returns the data of the body', async () => {
    nock(BASE).get(EXECUTION_PATH).reply(200, { data: execution });
    await expect(provider.api.getTaskExecutionResult(TASK_ID, EXECUTION_ID)).resolves.toEqual(execution);
  });

  it('getTaskRunStatus returns the body', async () => {
    nock(BASE).get(RUN_PATH).reply(200, runStatus);
    await expect(provider.api.getTaskRunStatus(RUN_ID)).resolves.toEqual(runStatus);
  });

  it.each([
    ['an unwrapped execution result', execution, 'data'],
    ['data: null', { data: null }, 'data'],
    ['a missing status', { data: { ...execution, status: undefined } }, 'data.status'],
    ['a numeric id', { data: { ...execution, id: 7 } }, 'data.id'],
    ['a null startTime', { data: { ...execution, startTime: null } }, 'data.startTime'],
    ['an array', [execution], 'TaskExecutionResultResponse'],
  ])('rejects %s with InvalidResponseError, keeping the body', async (_name, body, mentioned) => {
    nock(BASE).get(EXECUTION_PATH).reply(200, body);
    const error = await provider.api.getTaskExecutionResult(TASK_ID, EXECUTION_ID).catch((caught) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toContain(mentioned);
    expect(error.body).toBe(JSON.stringify(body));
  });

  it.each([
    ['a missing run_id', { status: 'running' }, 'run_id'],
    ['a null status', { run_id: RUN_ID, status: null }, 'status'],
    ['null', null, 'TaskRunStatusV2Response'],
  ])('rejects a run status with %s', async (_name, body, mentioned) => {
    nock(BASE).get(RUN_PATH).reply(200, JSON.stringify(body), { 'content-type': 'application/json' });
    const error = await provider.api.getTaskRunStatus(RUN_ID).catch((caught) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toContain(mentioned);
  });

  it('rejects a non-JSON 200', async () => {
    nock(BASE).get(RUN_PATH).reply(200, '<html>hi</html>', { 'content-type': 'text/html' });
    await expect(provider.api.getTaskRunStatus(RUN_ID)).rejects.toSatisfy(InvalidResponseError.isInstance);
  });
});

describe('invalid ids are rejected before any request', () => {
  it.each([
    ['taskId', () => provider.api.getTaskExecutionResult('not-a-uuid', EXECUTION_ID)],
    ['executionId', () => provider.api.getTaskExecutionResult(TASK_ID, `${EXECUTION_ID}/../x`)],
    ['taskId', () => provider.getTask({ taskId: '', executionId: EXECUTION_ID })],
    ['executionId', () => provider.getTask({ taskId: TASK_ID, executionId: '123' })],
    ['runId', () => provider.api.getTaskRunStatus('a/b')],
    ['runId', () => provider.getTask({ runId: '..' })],
    ['runId', () => provider.getTask({ runId: 'x\r\nHost: evil' })],
    ['ref', () => provider.getTask(`anchor:run/${RUN_ID}` as unknown as { runId: string })],
  ])('names %s', async (argument, call) => {
    const scope = nock(BASE).get(/.*/).reply(200, {});
    const error = await call().catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(argument);
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });
});

describe('errors', () => {
  it.each([
    [400, BadRequestError.isInstance],
    [401, AuthenticationError.isInstance],
    [404, NotFoundError.isInstance],
    [429, RateLimitError.isInstance],
    [500, InternalServerError.isInstance],
  ] as const)(
    'maps %i { error: { code, message } } to its class with the vendor message',
    async (status, check) => {
      const body = { error: { code: status, message: `vendor says ${status}` } };
      nock(BASE).get(EXECUTION_PATH).reply(status, body);
      const error = await provider
        .getTask({ taskId: TASK_ID, executionId: EXECUTION_ID })
        .catch((caught) => caught);
      expect(check(error)).toBe(true);
      expect(error.message).toBe(`anchor ${status}: vendor says ${status}`);
      expect(error.body).toEqual(body);
      expect(error.status).toBe(status);
    },
  );

  it('keeps a body of another shape and still gives a one-line message', async () => {
    const html =
      '<!doctype html><html><head><title>502 Bad Gateway</title></head><body>\n\n nginx</body></html>';
    nock(BASE).get(RUN_PATH).reply(502, html, { 'content-type': 'text/html' });
    const error = await provider.getTask({ runId: RUN_ID }).catch((caught) => caught);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error.message).toBe('anchor 502: 502 Bad Gateway');
    expect(error.body).toBe(html);
  });

  it('falls back to the status text for an error body without a message', async () => {
    nock(BASE)
      .get(RUN_PATH)
      .reply(404, { error: { code: 404 } });
    const error = await provider.getTask({ runId: RUN_ID }).catch((caught) => caught);
    expect(error.message).toBe('anchor 404: Not Found');
    expect(error.body).toEqual({ error: { code: 404 } });
  });

  it('reads { error: "..." } too', async () => {
    nock(BASE).get(RUN_PATH).reply(403, { error: 'Forbidden for this team' });
    const error = await provider.getTask({ runId: RUN_ID }).catch((caught) => caught);
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.message).toBe('anchor 403: Forbidden for this team');
  });

  it('retries a 503 then succeeds', async () => {
    nock(BASE)
      .get(RUN_PATH)
      .reply(503, { error: { code: 503, message: 'busy' } }, { 'retry-after': '0' });
    nock(BASE).get(RUN_PATH).reply(200, runStatus);
    const task = await createAnchor({ apiKey: KEY, maxRetries: 1 }).getTask({ runId: RUN_ID });
    expect(task.status).toBe('succeeded');
  });
});

describe('key and base URL', () => {
  it('reports a missing key at the first call, naming the variable, not at create', async () => {
    const keyless = createAnchor();
    const error = await keyless.getTask({ runId: RUN_ID }).catch((caught) => caught);
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('ANCHORBROWSER_API_KEY');
    expect(error.message).toContain('apiKey');
  });

  it('the default instance exists and fails only at call time without a key', async () => {
    expect(anchor.name).toBe('anchor');
    await expect(anchor.getTask({ runId: RUN_ID })).rejects.toSatisfy(MissingApiKeyError.isInstance);
  });

  it('reads the key and the base URL from the environment at each call', async () => {
    vi.stubEnv('ANCHORBROWSER_API_KEY', 'sk-from-env');
    vi.stubEnv('ANCHORBROWSER_BASE_URL', 'https://anchor.internal.example/');
    let seen: Record<string, unknown> = {};
    nock('https://anchor.internal.example')
      .get(RUN_PATH)
      .reply(function () {
        seen = this.req.headers;
        return [200, runStatus];
      });
    await anchor.getTask({ runId: RUN_ID });
    expect(seen['anchor-api-key']).toBe('sk-from-env');
  });

  it('prefers the options over the environment', async () => {
    vi.stubEnv('ANCHORBROWSER_API_KEY', 'sk-from-env');
    vi.stubEnv('ANCHORBROWSER_BASE_URL', 'https://ignored.example');
    let seen: Record<string, unknown> = {};
    nock('https://custom.example/api')
      .get(RUN_PATH)
      .reply(function () {
        seen = this.req.headers;
        return [200, runStatus];
      });
    await createAnchor({ apiKey: KEY, baseURL: 'https://custom.example/api/' }).getTask({ runId: RUN_ID });
    expect(seen['anchor-api-key']).toBe(KEY);
  });

  it('rejects bad settings at create', () => {
    expect(() => createAnchor({ baseURL: 'ftp://x' })).toThrow(/baseURL/);
    expect(() => createAnchor({ maxRetries: -1 })).toThrow(/maxRetries/);
  });

  it('never shows the key in String, JSON or inspect of the provider or its api', () => {
    const shown = [
      String(provider),
      JSON.stringify(provider),
      inspect(provider, { depth: 10, showHidden: true }),
      String(provider.api),
      JSON.stringify(provider.api),
      inspect(provider.api, { depth: 10 }),
    ];
    for (const text of shown) expect(text).not.toContain(KEY);
    expect(String(provider)).toContain('https://api.anchorbrowser.io');
  });

  it('never shows the key in an error, even when the server echoes it', async () => {
    nock(BASE)
      .get(RUN_PATH)
      .reply(401, { error: { code: 401, message: `Invalid API key ${KEY}` } }, { 'x-echo': KEY });
    const error = await provider.getTask({ runId: RUN_ID }).catch((caught) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
  });
});
