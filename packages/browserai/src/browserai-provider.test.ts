import { inspect } from 'node:util';
import {
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  MissingApiKeyError,
  NotFoundError,
} from '@x/core';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import resultsFinalized from './__fixtures__/browserai-results-finalized.json';
import taskFinalized from './__fixtures__/browserai-task-finalized.json';
import { createBrowserAI } from './browserai-provider';

const BASE = 'https://browser.ai/api/v1';
const KEY = 'sk-test-0123456789abcdef';
const provider = createBrowserAI({ apiKey: KEY, maxRetries: 0 });

const running = {
  executionId: 'exec_1',
  scriptId: 'script_1',
  scriptType: 'agent',
  status: 'running',
  progress: { status: 'running', logs: ['Opening the page'] },
  started: '2025-03-04T10:15:30.000Z',
  estimatedCompletion: '2025-03-04T10:17:00.000Z',
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getTask', () => {
  it('reads only the metadata while the task runs', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, running, { 'x-request-id': 'req_1' });
    const task = await provider.getTask('sess_1');
    expect(task).toMatchObject({
      provider: 'browserai',
      id: 'browserai:sess_1',
      status: 'running',
      providerStatus: 'running',
      isTerminal: false,
      startedAt: new Date('2025-03-04T10:15:30.000Z'),
      steps: [],
      artifacts: [],
      metadata: {
        executionId: 'exec_1',
        scriptId: 'script_1',
        scriptType: 'agent',
        progressStatus: 'running',
        logs: ['Opening the page'],
        estimatedCompletion: new Date('2025-03-04T10:17:00.000Z'),
      },
      raw: { task: running },
      response: { requestId: 'req_1' },
    });
    expect(task.raw.results).toBeUndefined();
    expect(task.output).toBeUndefined();
  });

  it('reads the results of a finalized task: steps in history order, artifacts, output', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, taskFinalized);
    nock(BASE).get('/results/sess_1').reply(200, resultsFinalized, { 'x-request-id': 'req_results' });
    const task = await provider.getTask('sess_1');
    expect(task.status).toBe('succeeded');
    expect(task.isTerminal).toBe(true);
    expect(task.providerStatus).toBe('finalized');
    expect(task.startedAt).toEqual(new Date('2025-03-04T10:15:30.000Z'));
    expect(task.finishedAt).toEqual(new Date('2025-03-04T10:16:42.500Z'));
    expect(task.durationMs).toBe(72_500);
    expect(task.output).toBe('Show HN: a tiny browser agent');
    expect(task.steps.map((step) => step.index)).toEqual([0, 1, 2]);
    expect(task.steps[0]).toEqual({
      index: 0,
      url: 'about:blank',
      goal: 'Open Hacker News',
      evaluation: 'Unknown',
      actions: [{ go_to_url: { url: 'https://news.ycombinator.com' } }],
      screenshotUrl: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/0.png',
      timestamp: new Date('2025-03-04T10:15:35.000Z'),
      raw: resultsFinalized.results[1],
    });
    expect(task.steps[1]).toMatchObject({
      index: 1,
      url: 'https://news.ycombinator.com/',
      goal: 'Read the top story',
      evaluation: 'Success - the page loaded',
      memory: 'On the front page',
      result: 'Found the top story',
    });
    // A model_output that is not JSON stays in raw; nothing is invented.
    expect(task.steps[2]).toEqual({
      index: 2,
      result: 'Show HN: a tiny browser agent',
      timestamp: new Date('2025-03-04T10:16:42.000Z'),
      raw: resultsFinalized.results[2],
    });
    expect(task.artifacts).toEqual([
      { kind: 'screenshot', url: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/0.png', stepIndex: 0 },
      { kind: 'screenshot', url: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/1.png', stepIndex: 1 },
      { kind: 'html', url: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/1.html', stepIndex: 1 },
      { kind: 'console', url: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/1.log', stepIndex: 1 },
      { kind: 'html', url: 'https://cdn.browser.ai/sess/exec_7f3a9c2e41b8/2.html', stepIndex: 2 },
    ]);
    expect(task.metadata).toMatchObject({ logs: taskFinalized.progress.logs, resultsStatus: 'finalized' });
    expect(task.raw).toEqual({ task: taskFinalized, results: resultsFinalized });
    expect(task.response?.requestId).toBe('req_results');
  });

  it('prefers the result the metadata carries', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...taskFinalized, result: { title: 'Show HN' } });
    nock(BASE).get('/results/sess_1').reply(200, resultsFinalized);
    expect((await provider.getTask('sess_1')).output).toEqual({ title: 'Show HN' });
  });

  it('reads the results of a paused (awaiting) task', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...running, status: 'awaiting' });
    nock(BASE)
      .get('/results/sess_1')
      .reply(200, {
        status: 'awaiting',
        results: [{ history_index: 0, result: 'Which account should I use?' }],
      });
    const task = await provider.getTask('sess_1');
    expect(task).toMatchObject({
      status: 'paused',
      isTerminal: false,
      output: 'Which account should I use?',
    });
    expect(task.steps).toHaveLength(1);
    expect(task.finishedAt).toBeUndefined();
  });

  it('maps a failed task with its error', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...running, status: 'failed', error: 'Navigation timed out' });
    nock(BASE).get('/results/sess_1').reply(200, { status: 'failed', results: [] });
    const task = await provider.getTask('sess_1');
    expect(task).toMatchObject({ status: 'failed', isTerminal: true, error: 'Navigation timed out' });
    expect(task.output).toBeUndefined();
  });

  it('maps a stopped task to cancelled', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...running, status: 'stopped' });
    nock(BASE).get('/results/sess_1').reply(200, { status: 'stopped', results: [] });
    expect(await provider.getTask('sess_1')).toMatchObject({ status: 'cancelled', isTerminal: true });
  });

  it('keeps an unknown word, stays non-terminal and fetches no results', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...running, status: 'warming_up' });
    expect(await provider.getTask('sess_1')).toMatchObject({
      status: 'unknown',
      providerStatus: 'warming_up',
      isTerminal: false,
    });
  });

  it('returns a terminal task without results when /results answers 404', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(200, { ...running, status: 'failed', error: 'Blocked by a captcha' });
    nock(BASE).get('/results/sess_1').reply(404, { error: 'Task not found' });
    const task = await provider.getTask('sess_1');
    expect(task).toMatchObject({ status: 'failed', error: 'Blocked by a captcha', steps: [] });
    expect(task.raw.results).toBeUndefined();
  });

  it('fails when /results answers another error', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, taskFinalized);
    nock(BASE).get('/results/sess_1').reply(500, { error: 'Internal server error' });
    const error = await rejection(provider.getTask('sess_1'));
    expect(InternalServerError.isInstance(error)).toBe(true);
  });

  it('accepts the string form as ref', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, running);
    expect((await provider.getTask('browserai:sess_1')).id).toBe('browserai:sess_1');
  });

  it('tolerates a body where every field is null', async () => {
    const nulls = {
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
    nock(BASE).get('/tasks/sess_1').reply(200, nulls);
    const task = await provider.getTask('sess_1');
    expect(task).toMatchObject({ status: 'unknown', providerStatus: '', metadata: {}, steps: [] });
    expect(task.raw.task).toEqual(nulls);
  });

  it('tolerates results whose fields are all null or missing', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, { status: 'finalized' });
    nock(BASE)
      .get('/results/sess_1')
      .reply(200, {
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
          {},
        ],
      });
    const task = await provider.getTask('sess_1');
    expect(task.status).toBe('succeeded');
    expect(task.steps.map((step) => step.index)).toEqual([0, 1]);
    expect(task.artifacts).toEqual([]);
    expect(task.output).toBeUndefined();
    expect(task.finishedAt).toBeUndefined();
  });

  it('tolerates an empty object and null results', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, { status: 'finalized' });
    nock(BASE).get('/results/sess_1').reply(200, { results: null });
    expect((await provider.getTask('sess_1')).steps).toEqual([]);
    nock(BASE).get('/tasks/sess_2').reply(200, {});
    expect((await provider.getTask('sess_2')).status).toBe('unknown');
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a number status', { status: 3 }],
    ['a string progress', { status: 'running', progress: 'half' }],
    ['logs that are not a list', { status: 'running', progress: { logs: 'x' } }],
  ])('rejects a task body that is %s with InvalidResponseError', async (_label, body) => {
    nock(BASE).get('/tasks/sess_1').reply(200, JSON.stringify(body), { 'content-type': 'application/json' });
    const error = await rejection(provider.getTask('sess_1'));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });

  it.each([
    ['results that are not a list', { results: {} }],
    ['a result that is not an object', { results: ['x'] }],
  ])('rejects a results body with %s', async (_label, body) => {
    nock(BASE).get('/tasks/sess_1').reply(200, taskFinalized);
    nock(BASE).get('/results/sess_1').reply(200, body);
    const error = await rejection(provider.getTask('sess_1'));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
  });
});

describe('requests', () => {
  it('sends the auth header, the user agent and the custom headers', async () => {
    let seen: Record<string, unknown> = {};
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(function () {
        seen = this.req.headers;
        return [200, running];
      });
    const custom = createBrowserAI({ apiKey: KEY, headers: { 'x-trace': 'settings', 'x-both': 'settings' } });
    await custom.getTask('sess_1', { headers: { 'x-call': 'call', 'x-both': 'call' } });
    expect(seen).toMatchObject({
      authorization: `apikey ${KEY}`,
      accept: 'application/json',
      'x-trace': 'settings',
      'x-call': 'call',
      'x-both': 'call',
    });
    expect(String(seen['user-agent'])).toContain('@x/browserai/0.0.0-test');
  });

  it('percent-encodes the session id', async () => {
    nock(BASE).get('/tasks/sess%201%3Aa%C3%A9').reply(200, running);
    await provider.getTask('sess 1:aé');
  });

  it.each([
    ['dot-dot', '..'],
    ['slash', 'a/b'],
    ['encoded dot-dot', '%2e%2e'],
    ['query', 'a?x=1'],
    ['fragment', 'a#b'],
    ['CR/LF', 'a\r\nb'],
    ['NUL', 'a\u0000b'],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['empty', ''],
    ['whitespace', '  \t '],
  ])('rejects a session id with %s before any request', async (_label, sessionId) => {
    const fetchSpy = vi.fn();
    const spied = createBrowserAI({ apiKey: KEY, fetch: fetchSpy });
    for (const call of [
      () => spied.getTask(sessionId),
      () => spied.api.getTask(sessionId),
      () => spied.api.getResults(sessionId),
    ]) {
      const error = await rejection(call());
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('names sessionId in the api errors and ref in getTask errors', async () => {
    const apiError = (await rejection(provider.api.getTask('a/b'))) as InvalidArgumentError;
    expect(apiError.argument).toBe('sessionId');
    const taskError = (await rejection(provider.getTask('a/b'))) as InvalidArgumentError;
    expect(taskError.argument).toBe('ref');
  });

  it('passes the signal through', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(provider.getTask('sess_1', { signal: controller.signal }));
    expect(APIUserAbortError.isInstance(error)).toBe(true);
  });

  it('passes maxRetries through per call', async () => {
    nock(BASE).get('/tasks/sess_1').reply(503, { error: 'Service unavailable' }, { 'retry-after': '0' });
    nock(BASE).get('/tasks/sess_1').reply(200, running);
    expect((await provider.getTask('sess_1', { maxRetries: 1 })).status).toBe('running');
  });
});

describe('api', () => {
  it('api.getTask returns the metadata body', async () => {
    nock(BASE).get('/tasks/sess_1').reply(200, taskFinalized);
    expect(await provider.api.getTask('sess_1')).toEqual(taskFinalized);
  });

  it('api.getResults returns the results body', async () => {
    nock(BASE).get('/results/sess_1').reply(200, resultsFinalized);
    expect(await provider.api.getResults('sess_1')).toEqual(resultsFinalized);
  });
});

describe('errors', () => {
  it.each([
    [401, 'Unauthorized', AuthenticationError],
    [404, 'Task not found', NotFoundError],
    [500, 'Internal server error', InternalServerError],
  ])('maps %i {error} to its class with the vendor text', async (status, text, type) => {
    nock(BASE).get('/tasks/sess_1').reply(status, { error: text });
    const error = await rejection(provider.getTask('sess_1'));
    expect(type.isInstance(error)).toBe(true);
    const apiError = error as InstanceType<typeof type>;
    expect(apiError.message).toBe(`browserai ${status}: ${text}`);
    expect(apiError.status).toBe(status);
    expect(apiError.body).toEqual({ error: text });
    expect(apiError.provider).toBe('browserai');
  });

  it('maps the same bodies on /results', async () => {
    nock(BASE).get('/results/sess_1').reply(401, { error: 'Unauthorized' });
    const error = await rejection(provider.api.getResults('sess_1'));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browserai 401: Unauthorized');
  });

  it('keeps an HTML error page to one line', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(502, '<html><head><title>502 Bad Gateway</title></head><body>\n<h1>Bad</h1></body></html>', {
        'content-type': 'text/html',
      });
    const error = await rejection(provider.getTask('sess_1'));
    expect((error as Error).message).toBe('browserai 502: 502 Bad Gateway');
  });

  it('never shows the key when the server echoes it', async () => {
    nock(BASE)
      .get('/tasks/sess_1')
      .reply(401, { error: `Invalid key apikey ${KEY}` }, { 'x-echo': KEY });
    const error = (await rejection(provider.getTask('sess_1'))) as AuthenticationError;
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error.body)).not.toContain(KEY);
    expect(JSON.stringify(error.headers)).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
  });
});

describe('settings', () => {
  it('reports a missing key at the first call, naming BROWSERAI_API_KEY', async () => {
    vi.stubEnv('BROWSERAI_API_KEY', '');
    const keyless = createBrowserAI();
    const error = await rejection(keyless.getTask('sess_1'));
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('BROWSERAI_API_KEY');
  });

  it('reads the key and base URL from the environment at each call', async () => {
    const keyless = createBrowserAI({ maxRetries: 0 });
    vi.stubEnv('BROWSERAI_API_KEY', 'env-key');
    vi.stubEnv('BROWSERAI_BASE_URL', 'https://eu.browser.ai/api/v1/');
    let auth: unknown;
    nock('https://eu.browser.ai/api/v1')
      .get('/tasks/sess_1')
      .reply(function () {
        auth = this.req.headers.authorization;
        return [200, running];
      });
    await keyless.getTask('sess_1');
    expect(auth).toBe('apikey env-key');
  });

  it('lets the options win over the environment', async () => {
    vi.stubEnv('BROWSERAI_API_KEY', 'env-key');
    vi.stubEnv('BROWSERAI_BASE_URL', 'https://eu.browser.ai/api/v1');
    let auth: unknown;
    nock('http://localhost:4010/v1')
      .get('/tasks/sess_1')
      .reply(function () {
        auth = this.req.headers.authorization;
        return [200, running];
      });
    await createBrowserAI({ apiKey: 'option-key', baseURL: 'http://localhost:4010/v1' }).getTask('sess_1');
    expect(auth).toBe('apikey option-key');
  });

  it('rejects a bad baseURL at create', () => {
    expect(() => createBrowserAI({ baseURL: 'ftp://browser.ai' })).toThrow(InvalidArgumentError);
  });

  it('never shows the key in String, JSON or inspect', () => {
    const keyed = createBrowserAI({ apiKey: KEY });
    for (const text of [
      String(keyed),
      JSON.stringify(keyed),
      inspect(keyed, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(KEY);
      expect(text).toContain('browserai');
    }
    expect(JSON.parse(JSON.stringify(keyed))).toEqual({ name: 'browserai', baseURL: BASE });
  });

  it('creates the default instance without a key', async () => {
    vi.stubEnv('BROWSERAI_API_KEY', '');
    const { browserai } = await import('./index');
    expect(browserai.name).toBe('browserai');
  });
});
