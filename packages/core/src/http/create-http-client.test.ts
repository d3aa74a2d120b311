import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError } from '../errors/api-connection-error';
import { APIConnectionTimeoutError } from '../errors/api-connection-timeout-error';
import { APIError } from '../errors/api-error';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { InvalidResponseError } from '../errors/invalid-response-error';
import { MissingApiKeyError } from '../errors/missing-api-key-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { RateLimitError } from '../errors/status-errors';
import { createTestServer, type TestServer } from '../testing';
import { createHttpClient } from './create-http-client';
import type { HttpClientSettings } from './http-client-settings';

const BASE = 'https://api.demo.test/v1';
const unexpected = (): never => {
  throw new Error('expected a rejection');
};
const KEY = 'sk-demo-secret-1234';

function client(overrides: Partial<HttpClientSettings> = {}) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    provider: 'demo',
    packageName: '@x/demo',
    packageVersion: '9.9.9',
    apiKeyEnvironmentVariable: 'DEMO_API_KEY',
    baseURLEnvironmentVariable: 'DEMO_BASE_URL',
    defaultBaseURL: BASE,
    apiKey: KEY,
    authHeaders: (key) => ({ 'x-api-key': key }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...overrides,
  });
  return { http, sleeps };
}

/** A fetch stub answering from a list, counting calls. */
function stubFetch(...answers: Array<() => Response | Promise<Response>>) {
  let calls = 0;
  const fetch = async () => {
    const answer = answers[Math.min(calls, answers.length - 1)]!;
    calls++;
    return answer();
  };
  return { fetch, calls: () => calls };
}
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

afterEach(() => {
  delete process.env.DEMO_API_KEY;
  delete process.env.DEMO_BASE_URL;
});

describe('requests', () => {
  it('sends exactly accept, user-agent, auth and user headers, and parses JSON', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    nock(BASE)
      .get('/tasks/1')
      .reply(function () {
        seen = this.req.headers;
        return [200, { id: '1' }, { 'x-request-id': 'req_123' }];
      });
    const { http } = client({ headers: { 'x-team': 'a' } });
    const response = await http.getJson('/tasks/1', { headers: { 'x-call': 'b' } });
    expect(response).toMatchObject({
      data: { id: '1' },
      status: 200,
      requestId: 'req_123',
      url: `${BASE}/tasks/1`,
    });
    expect(seen['x-api-key']).toBe(KEY);
    expect(seen['x-team']).toBe('a');
    expect(seen['x-call']).toBe('b');
    expect(seen['user-agent']).toMatch(/^@x\/demo\/9\.9\.9 @x\/core\/0\.0\.0-test node\/v\d+/);
    const names = Object.keys(seen).filter(
      (name) =>
        !['host', 'connection', 'accept-encoding', 'accept-language', 'sec-fetch-mode'].includes(name),
    );
    expect(names.sort()).toEqual(['accept', 'user-agent', 'x-api-key', 'x-call', 'x-team']);
  });

  it('lets a user header replace a default one whatever the case of its name, sending it once', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    nock(BASE)
      .get('/tasks/1')
      .reply(function () {
        seen = this.req.headers;
        return [200, {}];
      });
    await client({
      headers: { 'X-Api-Key': 'override-key', Accept: 'application/vnd.demo+json' },
    }).http.getJson('/tasks/1');
    expect(seen['x-api-key']).toBe('override-key');
    expect(seen.accept).toBe('application/vnd.demo+json');
  });

  it('reads the key and base URL from the environment at each call, not at creation', async () => {
    const { http } = client({ apiKey: undefined });
    await expect(http.getJson('/tasks/1')).rejects.toSatisfy(MissingApiKeyError.isInstance);
    const error = await http.getJson('/tasks/1').then(unexpected, (caught: Error) => caught);
    expect(error.message).toBe(
      'demo: API key is missing. Pass it as the `apiKey` option or set the DEMO_API_KEY environment variable.',
    );
    process.env.DEMO_API_KEY = 'from-env-key';
    process.env.DEMO_BASE_URL = 'https://other.demo.test/api/';
    nock('https://other.demo.test', { reqheaders: { 'x-api-key': 'from-env-key' } })
      .get('/api/tasks/1')
      .reply(200, {});
    await http.getJson('/tasks/1');
  });

  it('rejects bad settings and bad per-call input before any request', async () => {
    expect(() => client({ baseURL: 'ftp://x.test' })).toThrow(/^baseURL must be an http: or https: URL/);
    expect(() => client({ baseURL: 'relative/path' })).toThrow(/^baseURL must be an absolute http\(s\) URL/);
    expect(() => client({ timeoutMs: -1 })).toThrow(
      /^timeoutMs must be a number between 1 and 2147483647, got number -1$/,
    );
    expect(() => client({ maxRetries: 1.5 })).toThrow(/^maxRetries must be an integer/);
    expect(() => client({ headers: { 'x-a': 'a\r\nb: c' } })).toThrow(/must not hold control characters/);
    expect(() => client({ headers: { 'x-note': 'it\u2019s' } })).toThrow(
      'headers["x-note"] holds U+2019 at position 2; header values take Latin-1 only (encode it, e.g. with encodeURIComponent)',
    );
    await expect(client().http.getJson('/tasks/1', { headers: { 'x-name': '\u{1F600}' } })).rejects.toThrow(
      /^headers\["x-name"\] holds U\+1F600 at position 0;/,
    );
    const { http } = client({ apiKey: 'key\r\nX-Evil: 1' });
    const error = await http.getJson('/tasks/1').then(unexpected, (caught: Error) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).not.toContain('X-Evil');
    await expect(client().http.getJson('/tasks/1', { headers: { 'x-b': 'a\nb' } })).rejects.toSatisfy(
      InvalidArgumentError.isInstance,
    );
    process.env.DEMO_BASE_URL = 'javascript:alert(1)';
    await expect(client({ baseURL: undefined }).http.getJson('/x')).rejects.toThrow(
      /^DEMO_BASE_URL must be an http: or https: URL/,
    );
  });

  it('rejects a signal that is not an AbortSignal before any request (no request, no timer left behind)', async () => {
    const stub = stubFetch(json(200, {}));
    const { http } = client({ fetch: stub.fetch });
    const controller = new AbortController();
    for (const [signal, message] of [
      [controller, 'signal must be an AbortSignal (an AbortController was passed: pass its .signal), got'],
      [{}, 'signal must be an AbortSignal, got'],
      ['stop', 'signal must be an AbortSignal, got'],
      [null, 'signal must be an AbortSignal, got'],
    ] as const) {
      const error = await http
        .getJson('/x', { signal: signal as unknown as AbortSignal })
        .then(unexpected, (caught: InvalidArgumentError) => caught);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error.argument).toBe('signal');
      expect(error.message.startsWith(message)).toBe(true);
    }
    expect(stub.calls()).toBe(0);
    await http.getJson('/x', { signal: controller.signal });
    expect(stub.calls()).toBe(1);
  });
});

describe('retries', () => {
  for (const status of [408, 409, 429, 500, 502, 503, 504]) {
    it(`retries ${status} twice by default, then throws`, async () => {
      const stub = stubFetch(json(status, { detail: 'try later' }));
      const { http, sleeps } = client({ fetch: stub.fetch });
      const error = await http.getJson('/x').then(unexpected, (caught: Error) => caught);
      expect(APIError.isInstance(error)).toBe(true);
      expect(stub.calls()).toBe(3);
      expect(sleeps).toEqual([500, 1000]);
    });
  }
  for (const status of [400, 401, 403, 404, 422]) {
    it(`never retries ${status}`, async () => {
      const stub = stubFetch(json(status, { detail: 'no' }));
      await expect(client({ fetch: stub.fetch }).http.getJson('/x')).rejects.toSatisfy(APIError.isInstance);
      expect(stub.calls()).toBe(1);
    });
  }

  it('retries connection errors and recovers', async () => {
    const stub = stubFetch(
      () => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        });
      },
      json(200, { ok: true }),
    );
    expect((await client({ fetch: stub.fetch }).http.getJson('/x')).data).toEqual({ ok: true });
    expect(stub.calls()).toBe(2);
  });

  it('reports a connection error with its code once retries run out', async () => {
    const stub = stubFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }),
      });
    });
    const error = await client({ fetch: stub.fetch, maxRetries: 1 })
      .http.getJson('/x')
      .then(unexpected, (caught: Error) => caught);
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error.message).toBe('demo: connection error (ECONNREFUSED: connect refused)');
    expect(stub.calls()).toBe(2);
  });

  it('honours x-should-retry and the per-call maxRetries', async () => {
    const noRetry = stubFetch(json(503, {}, { 'x-should-retry': 'false' }));
    await expect(client({ fetch: noRetry.fetch }).http.getJson('/x')).rejects.toSatisfy(APIError.isInstance);
    expect(noRetry.calls()).toBe(1);
    const forced = stubFetch(json(400, {}, { 'x-should-retry': 'true' }), json(200, {}));
    await client({ fetch: forced.fetch }).http.getJson('/x');
    expect(forced.calls()).toBe(2);
    const perCall = stubFetch(json(500, {}));
    await expect(client({ fetch: perCall.fetch }).http.getJson('/x', { maxRetries: 4 })).rejects.toThrow();
    expect(perCall.calls()).toBe(5);
  });

  it('backs off exponentially with at most 25 % jitter, capped at 8 s', async () => {
    const stub = stubFetch(json(500, {}));
    const { http, sleeps } = client({ fetch: stub.fetch, random: () => 1, maxRetries: 6 });
    await expect(http.getJson('/x')).rejects.toThrow();
    expect(sleeps).toEqual([375, 750, 1500, 3000, 6000, 6000]);
    const quick = client({ fetch: stubFetch(json(500, {})).fetch, initialRetryDelayMs: 10 });
    await expect(quick.http.getJson('/x')).rejects.toThrow();
    expect(quick.sleeps).toEqual([10, 20]);
  });
});

describe('Retry-After', () => {
  it('honours seconds, retry-after-ms and an HTTP date', async () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    const stub = stubFetch(
      json(429, {}, { 'retry-after': '3' }),
      json(503, {}, { 'retry-after-ms': '1250' }),
      json(503, {}, { 'retry-after': new Date(now + 7_000).toUTCString() }),
      json(200, {}),
    );
    const { http, sleeps } = client({ fetch: stub.fetch, maxRetries: 3, now: () => now });
    await http.getJson('/x');
    expect(sleeps).toEqual([3_000, 1_250, 7_000]);
  });

  it('caps a long wait at maxRetryDelayMs (60 s by default)', async () => {
    const stub = stubFetch(json(429, {}, { 'retry-after': '3600' }), json(200, {}));
    const { http, sleeps } = client({ fetch: stub.fetch });
    await http.getJson('/x');
    expect(sleeps).toEqual([60_000]);
    const small = client({
      fetch: stubFetch(json(429, {}, { 'retry-after': '3600' }), json(200, {})).fetch,
      maxRetryDelayMs: 50,
    });
    await small.http.getJson('/x');
    expect(small.sleeps).toEqual([50]);
  });

  it('uses a body hint when the provider reads one, and keeps it on the error', async () => {
    const stub = stubFetch(json(429, { error: 'slow down', retry_after_seconds: 2 }));
    const { http, sleeps } = client({
      fetch: stub.fetch,
      maxRetries: 1,
      retryAfterFromBody: (body) => (body as { retry_after_seconds?: number }).retry_after_seconds! * 1000,
    });
    const error = await http.getJson('/x').then(unexpected, (caught: RateLimitError) => caught);
    expect(sleeps).toEqual([2_000]);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(2_000);
    expect(error.message).toBe('demo 429: slow down');
  });

  it('starts no sleep past the deadline', async () => {
    const stub = stubFetch(json(503, {}, { 'retry-after': '30' }));
    const { http, sleeps } = client({ fetch: stub.fetch, now: () => 1_000 });
    await expect(http.getJson('/x', { deadline: 20_000 })).rejects.toSatisfy(APIError.isInstance);
    expect(sleeps).toEqual([]);
    expect(stub.calls()).toBe(1);
  });
});

describe('responses', () => {
  it('turns a 2xx body that is not the promised JSON into InvalidResponseError, keeping the body', async () => {
    const html = '<html><title>Maintenance</title></html>';
    for (const [body, pattern] of [
      [html, /unparseable text \(text\/html/],
      ['', /empty body/],
      ['{"id":', /unparseable/],
    ] as const) {
      const stub = stubFetch(
        () => new Response(body, { status: 200, headers: { 'content-type': 'text/html' } }),
      );
      const error = await client({ fetch: stub.fetch })
        .http.getJson('/x')
        .then(unexpected, (caught: InvalidResponseError) => caught);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(pattern);
      expect(error.body).toBe(body);
      expect(stub.calls()).toBe(1);
    }
    const shape = await client({ fetch: stubFetch(json(200, [1, 2])).fetch })
      .http.getJson('/x', {
        validate: (data) => (Array.isArray(data) ? 'expected an object, got an array' : undefined),
      })
      .then(unexpected, (caught: Error) => caught);
    expect(shape.message).toBe('demo: expected an object, got an array');
  });

  it('stops reading past maxResponseBytes', async () => {
    const stub = stubFetch(() => new Response('x'.repeat(5_000), { status: 200 }));
    const error = await client({ fetch: stub.fetch, maxResponseBytes: 1_000 })
      .http.getJson('/x')
      .then(unexpected, (caught: Error) => caught);
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
  });

  it('does not follow redirects (the key header would travel with them)', async () => {
    nock(BASE).get('/x').reply(302, '', { location: 'https://evil.test/steal' });
    const error = await client()
      .http.getJson('/x')
      .then(unexpected, (caught: Error) => caught);
    expect(error.message).toBe('demo 302: redirect to https://evil.test/steal not followed');
  });
});

describe('the API key', () => {
  it('never shows in an error, even when the server echoes it', async () => {
    nock(BASE)
      .get('/x')
      .reply(401, { detail: `invalid key ${KEY}`, echo: { key: KEY } }, { 'x-echo': KEY });
    const error = (await client()
      .http.getJson('/x')
      .then(unexpected, (caught: APIError) => caught)) as APIError;
    expect(error.message).toBe('demo 401: invalid key [REDACTED]');
    for (const text of [
      error.message,
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(KEY);
    }
    expect(error.body).toEqual({ detail: 'invalid key [REDACTED]', echo: { key: '[REDACTED]' } });
    expect(error.headers['x-echo']).toBe('[REDACTED]');
  });

  it('never shows in a connection error whose cause quotes it', async () => {
    const stub = stubFetch(() => {
      throw new TypeError(`proxy refused header x-api-key: ${KEY}`);
    });
    const error = await client({ fetch: stub.fetch, maxRetries: 0 })
      .http.getJson('/x')
      .then(unexpected, (caught: Error) => caught);
    expect(inspect(error, { depth: 10 })).not.toContain(KEY);
    expect(String(error.cause)).not.toContain(KEY);
  });
});

describe('against a real server: timeouts, cut bodies, abort', () => {
  let server: TestServer;
  const real = (overrides: Partial<HttpClientSettings> = {}) =>
    client({ baseURL: server.url, sleep: undefined, maxRetryDelayMs: 10, ...overrides }).http;
  const start = async () => {
    server = await createTestServer({
      routes: [{ method: 'GET', path: '/x', handler: () => ({ status: 200, body: { ok: true } }) }],
    });
  };
  afterEach(async () => {
    await server?.close();
  });

  it('times out on slow headers and on a stalled body, and retries', async () => {
    await start();
    server.injectFault({ delayMs: 300 });
    server.injectFault({ stallAfterBytes: 3 });
    const response = await real({ timeoutMs: 60 }).getJson('/x');
    expect(response.data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    server.injectFault({ stallAfterBytes: 3, times: 5 });
    const error = await real({ timeoutMs: 60, maxRetries: 0 })
      .getJson('/x')
      .then(unexpected, (caught: Error) => caught);
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
  });

  it('retries a body cut off mid-way', async () => {
    await start();
    server.injectFault({ truncateAfterBytes: 4 });
    expect((await real().getJson('/x')).data).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('an abort during a request ends at once with APIUserAbortError', async () => {
    await start();
    server.injectFault({ delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const began = Date.now();
    const error = await real()
      .getJson('/x', { signal: controller.signal })
      .then(unexpected, (caught: Error) => caught);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(Date.now() - began).toBeLessThan(150);
  });

  it('an abort during a backoff sleep ends at once, and an aborted signal sends nothing', async () => {
    await start();
    server.injectFault({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const pending = real({ maxRetryDelayMs: 60_000 })
      .getJson('/x', { signal: controller.signal })
      .then(unexpected, (caught: Error) => caught);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const began = Date.now();
    controller.abort();
    const error = await pending;
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(Date.now() - began).toBeLessThan(50);
    expect(server.requests).toHaveLength(1);
    await expect(real().getJson('/x', { signal: AbortSignal.abort() })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    expect(server.requests).toHaveLength(1);
  });
});
