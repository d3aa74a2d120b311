import { inspect } from 'node:util';
import {
  type APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  createTaskClient,
  InternalServerError,
  InvalidArgumentError,
  MissingApiKeyError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  type Task,
  UnprocessableEntityError,
  waitForTask,
  watchTask,
} from '@x/core';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import allNull from './__fixtures__/browser-use-task-all-null.json';
import finished from './__fixtures__/browser-use-task-finished.json';
import { browserUse, createBrowserUse } from './browser-use-provider';

const BASE = 'https://api.browser-use.com/api/v2';
const ID = finished.id;
const SECRET = 'sk-secret-0123456789';
const provider = createBrowserUse({ apiKey: 'test-key', maxRetries: 0 });
const noSleep = () => Promise.resolve();

afterEach(() => {
  vi.unstubAllEnvs();
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection');
  return error;
}

describe('createBrowserUse', () => {
  it('has the provider name, the api and the ref helpers', () => {
    expect(provider.name).toBe('browser-use');
    expect(typeof provider.api.getTask).toBe('function');
    expect(typeof provider.api.getTaskStatus).toBe('function');
    expect(provider.formatRef(ID)).toBe(`browser-use:${ID}`);
    expect(provider.parseRef(`browser-use:${ID}`)).toBe(ID);
  });

  it('checks settings at once', () => {
    expect(() => createBrowserUse({ timeoutMs: -1 })).toThrow(InvalidArgumentError);
    expect(() => createBrowserUse({ maxRetries: 1.5 })).toThrow(/maxRetries must be an integer/);
    expect(() => createBrowserUse({ baseURL: 'ftp://example.com' })).toThrow(
      /baseURL must be an http: or https: URL/,
    );
    expect(() => createBrowserUse({ headers: { 'x-a': 'b\nc' } })).toThrow(InvalidArgumentError);
  });

  it('strips the trailing slash of baseURL', async () => {
    nock('https://proxy.example.com').get(`/bu/v2/tasks/${ID}`).reply(200, finished);
    const custom = createBrowserUse({
      apiKey: 'k',
      baseURL: 'https://proxy.example.com/bu/v2/',
      maxRetries: 0,
    });
    expect((await custom.getTask(ID)).status).toBe('succeeded');
  });

  it('reads the key and the base URL from BROWSER_USE_API_KEY and BROWSER_USE_BASE_URL at each call', async () => {
    const fromEnvironment = createBrowserUse({ maxRetries: 0 });
    vi.stubEnv('BROWSER_USE_API_KEY', 'env-key');
    vi.stubEnv('BROWSER_USE_BASE_URL', 'https://eu.example.com/api/v2');
    nock('https://eu.example.com', { reqheaders: { 'x-browser-use-api-key': 'env-key' } })
      .get(`/api/v2/tasks/${ID}`)
      .reply(200, finished);
    expect((await fromEnvironment.getTask(ID)).id).toBe(`browser-use:${ID}`);
  });

  it('prefers the apiKey option to the environment variable', async () => {
    vi.stubEnv('BROWSER_USE_API_KEY', 'env-key');
    nock(BASE, { reqheaders: { 'x-browser-use-api-key': 'option-key' } })
      .get(`/tasks/${ID}`)
      .reply(200, finished);
    await createBrowserUse({ apiKey: 'option-key', maxRetries: 0 }).getTask(ID);
  });

  it('reports a missing key at the first call, naming the option and BROWSER_USE_API_KEY', async () => {
    vi.stubEnv('BROWSER_USE_API_KEY', '');
    const keyless = createBrowserUse(); // never throws at creation
    const error = await failure(keyless.getTask(ID));
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(error.message).toContain('BROWSER_USE_API_KEY');
    expect(error.message).toContain('apiKey');
    await expect(browserUse.api.getTaskStatus(ID)).rejects.toSatisfy(MissingApiKeyError.isInstance);
  });

  it('never shows the key in String, JSON or inspect', () => {
    const secretive = createBrowserUse({ apiKey: SECRET });
    for (const text of [
      String(secretive),
      JSON.stringify(secretive),
      inspect(secretive, { depth: 10, showHidden: true }),
    ]) {
      expect(text).not.toContain(SECRET);
    }
    expect(JSON.parse(JSON.stringify(secretive))).toEqual({ name: 'browser-use', baseURL: BASE });
    expect(String(secretive)).toBe(`BrowserUseProvider {"name":"browser-use","baseURL":"${BASE}"}`);
  });
});

describe('errors', () => {
  it('404 {detail} → NotFoundError with the vendor text and the body', async () => {
    nock(BASE).get(`/tasks/${ID}`).reply(404, { detail: 'Task not found' }, { 'x-request-id': 'req_9' });
    const error = await failure(provider.getTask(ID));
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(error.message).toBe('browser-use 404: Task not found');
    expect(error).toMatchObject({
      status: 404,
      body: { detail: 'Task not found' },
      requestId: 'req_9',
      provider: 'browser-use',
    });
  });

  it.each([
    [400, { detail: 'Session is stopped' }, BadRequestError, 'browser-use 400: Session is stopped'],
    [401, { detail: 'Invalid API key' }, AuthenticationError, 'browser-use 401: Invalid API key'],
    [402, { detail: 'Insufficient credits' }, PaymentRequiredError, 'browser-use 402: Insufficient credits'],
    [
      422,
      { detail: [{ loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }] },
      UnprocessableEntityError,
      'browser-use 422: path.task_id: Input should be a valid UUID',
    ],
    [
      422,
      { loc: ['body', 'action'], msg: 'Field required', type: 'missing' },
      UnprocessableEntityError,
      'browser-use 422: body.action: Field required',
    ],
    [
      500,
      { detail: 'An internal server error occurred' },
      InternalServerError,
      'browser-use 500: An internal server error occurred',
    ],
    [
      502,
      '<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1>\n<p>nginx</p></body></html>',
      InternalServerError,
      'browser-use 502: 502 Bad Gateway',
    ],
  ] as const)('%i → its class with a one-line message', async (status, body, errorClass, message) => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(status, body);
    const error = await failure(provider.pollTask(ID));
    expect(errorClass.isInstance(error)).toBe(true);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
    expect((error as APIError).body).toEqual(body);
  });

  it('429 body → RateLimitError with retryAfterMs from retry_after_seconds', async () => {
    const body = { error: 'Rate limit exceeded', limit_rps: 10, retry_after_seconds: 3 };
    nock(BASE).get(`/tasks/${ID}`).reply(429, body);
    const error = await failure(provider.getTask(ID));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.message).toBe('browser-use 429: Rate limit exceeded (limit 10 requests/s, retry after 3 s)');
    expect(error).toMatchObject({ retryAfterMs: 3000, body, isRetryable: true });
  });

  it('429 → a Retry-After header wins over the body', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(429, { error: 'Rate limit exceeded', retry_after_seconds: 3 }, { 'Retry-After': '1' });
    expect(await failure(provider.getTask(ID))).toMatchObject({ retryAfterMs: 1000 });
  });

  it('retries a 429 after retry_after_seconds and then succeeds', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(429, { error: 'Rate limit exceeded', limit_rps: 10, retry_after_seconds: 0 });
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    const task = await createBrowserUse({ apiKey: 'k', maxRetries: 1 }).getTask(ID);
    expect(task.status).toBe('succeeded');
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(401, { detail: `Invalid API key ${SECRET}` }, { 'x-echo': SECRET });
    const error = await failure(createBrowserUse({ apiKey: SECRET, maxRetries: 0 }).getTask(ID));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
  });

  it('rejects an invalid reference before any request', async () => {
    for (const ref of ['task_1', `anchor:${ID}`, '', `${ID}?x=1`]) {
      const error = await failure(provider.getTask(ref));
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe('ref');
      await expect(provider.pollTask(ref)).rejects.toSatisfy(InvalidArgumentError.isInstance);
      await expect(waitForTask(provider, ref, { sleep: noSleep })).rejects.toSatisfy(
        InvalidArgumentError.isInstance,
      );
    }
  });

  it('passes the abort signal through', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.getTask(ID, { signal: controller.signal })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
  });
});

describe('waitForTask', () => {
  const statusView = (status: string, extra: object = {}) => ({ id: ID, status, ...extra });

  it('polls the light /status view and reads the full task once, at the end', async () => {
    const calls: string[] = [];
    const record = (name: string, body: object) => {
      calls.push(name);
      return body;
    };
    const scope = nock(BASE)
      .get(`/tasks/${ID}/status`)
      .reply(200, () => record('status', statusView('created')))
      .get(`/tasks/${ID}/status`)
      .times(2)
      .reply(200, () => record('status', statusView('started')))
      .get(`/tasks/${ID}/status`)
      .reply(200, () => record('status', statusView('finished', { output: 'done', cost: '0.0210' })))
      .get(`/tasks/${ID}`)
      .reply(200, () => record('full', finished));
    const updates: Task[] = [];
    const task = await waitForTask(provider, ID, {
      intervalMs: 1,
      sleep: noSleep,
      onUpdate: (update) => updates.push(update),
    });
    expect(calls).toEqual(['status', 'status', 'status', 'status', 'full']);
    expect(scope.isDone()).toBe(true);
    expect(task.status).toBe('succeeded');
    expect(task.raw).toEqual(finished); // the full TaskView, steps included
    expect(task.steps).toHaveLength(2);
    expect(updates.map((update) => update.providerStatus)).toEqual(['created', 'started', 'finished']);
    expect(updates.at(-1)).toBe(task);
  });

  it('settles on failed and on stopped', async () => {
    for (const [word, status] of [
      ['failed', 'failed'],
      ['stopped', 'cancelled'],
    ] as const) {
      nock(BASE).get(`/tasks/${ID}/status`).reply(200, statusView(word));
      nock(BASE)
        .get(`/tasks/${ID}`)
        .reply(200, { ...allNull, id: ID, status: word });
      expect((await waitForTask(provider, ID, { sleep: noSleep })).status).toBe(status);
    }
  });

  it('keeps polling through an unknown status', async () => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, statusView('paused'));
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, statusView('finished'));
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    expect((await waitForTask(provider, ID, { sleep: noSleep })).status).toBe('succeeded');
  });
});

describe('watchTask and the task client', () => {
  it('watchTask yields full tasks at each change', async () => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, status: 'started', steps: finished.steps.slice(0, 1), finishedAt: null });
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    const seen: Array<[string, number]> = [];
    for await (const task of watchTask(provider, ID, { sleep: noSleep }))
      seen.push([task.status, task.steps.length]);
    expect(seen).toEqual([
      ['running', 1],
      ['succeeded', 2],
    ]);
  });

  it('is routed by createTaskClient from the string form', async () => {
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    const client = createTaskClient({ providers: [provider] });
    expect((await client.get(`browser-use:${ID}`)).id).toBe(`browser-use:${ID}`);
  });
});
