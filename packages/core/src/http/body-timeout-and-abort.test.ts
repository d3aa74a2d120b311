import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionError } from '../errors/api-connection-error';
import { APIConnectionTimeoutError } from '../errors/api-connection-timeout-error';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { createTestServer, type TestServer } from '../testing';
import { createHttpClient } from './create-http-client';
import type { FetchFunction } from './fetch-function';
import type { HttpClientSettings } from './http-client-settings';

const BODY = { id: 'task-1', status: 'running', note: 'x'.repeat(200) };

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer({
    routes: [
      {
        method: 'GET',
        path: '/tasks/:id',
        handler: ({ params }) => ({ status: 200, body: { ...BODY, id: params.id } }),
      },
    ],
  });
});
afterEach(async () => {
  await server.close();
});

function client(overrides: Partial<HttpClientSettings> = {}) {
  return createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
    baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
    defaultBaseURL: 'https://acme.example.test',
    baseURL: server.url,
    apiKey: 'acme-key-000',
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    maxRetryDelayMs: 5,
    ...overrides,
  });
}

const settle = async (promise: Promise<unknown>) => {
  const began = performance.now();
  try {
    await promise;
  } catch (error) {
    return { error: error as Error, ms: performance.now() - began };
  }
  throw new Error('expected a rejection');
};

describe('the per-attempt timeout covers headers and body (real server)', () => {
  it('slow headers time out', async () => {
    server.injectFault({ delayMs: 1_000 });
    const { error, ms } = await settle(client({ timeoutMs: 60, maxRetries: 0 }).getJson('/tasks/1'));
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme: request timed out after 60 ms');
    expect(ms).toBeLessThan(500);
  });

  it('headers on time but a body that stalls time out', async () => {
    server.injectFault({ stallAfterBytes: 10 });
    const { error, ms } = await settle(client({ timeoutMs: 80, maxRetries: 0 }).getJson('/tasks/1'));
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(70);
    expect(ms).toBeLessThan(500);
  });

  it('a body that keeps trickling in still times out: the limit is for the whole attempt', async () => {
    // ~240 bytes in 16-byte chunks, 25 ms apart: ~375 ms in all, every chunk well within the timeout.
    server.injectFault({ chunkDelayMs: 25 });
    const { error } = await settle(client({ timeoutMs: 120, maxRetries: 0 }).getJson('/tasks/1'));
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
  });

  it('a slow body that ends in time is read whole', async () => {
    server.injectFault({ chunkDelayMs: 1, chunkSize: 64 });
    const response = await client({ timeoutMs: 2_000, maxRetries: 0 }).getJson('/tasks/abc');
    expect(response.data).toEqual({ ...BODY, id: 'abc' });
  });

  it('timeouts are retried: two stalls then an answer', async () => {
    server.injectFault({ stallAfterBytes: 5, times: 2 });
    const response = await client({ timeoutMs: 60 }).getJson('/tasks/1');
    expect(response.data).toEqual({ ...BODY, id: '1' });
    expect(server.requests).toHaveLength(3);
  });
});

describe('cut-off bodies and resets (real server)', () => {
  it('a body cut off mid-way is an APIConnectionError, not an InvalidResponseError', async () => {
    server.injectFault({ truncateAfterBytes: 20 });
    const { error } = await settle(client({ maxRetries: 0 }).getJson('/tasks/1'));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(false);
  });

  it('a cut-off body is retried', async () => {
    server.injectFault({ truncateAfterBytes: 20, times: 2 });
    expect((await client().getJson('/tasks/1')).data).toEqual({ ...BODY, id: '1' });
    expect(server.requests).toHaveLength(3);
  });

  it('a reset before any answer is retried, and reported after the last attempt', async () => {
    server.injectFault({ reset: true, times: Number.POSITIVE_INFINITY });
    const { error } = await settle(client({ maxRetries: 1 }).getJson('/tasks/1'));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/^acme: connection error/);
    expect(server.requests).toHaveLength(2);
  });
});

describe('fetch implementations that ignore the signal still get the timeout and abort', () => {
  const neverEndingBody: FetchFunction = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
        },
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  const neverAnswers: FetchFunction = () => new Promise<Response>(() => {});

  it('a body stream that never ends → APIConnectionTimeoutError', { timeout: 3_000 }, async () => {
    let calls = 0;
    const http = client({
      timeoutMs: 40,
      maxRetries: 1,
      fetch: (input, init) => {
        calls++;
        return neverEndingBody(input, init);
      },
    });
    const { error, ms } = await settle(http.getJson('/x'));
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
    expect(calls).toBe(2);
    expect(ms).toBeLessThan(1_000);
  });

  it('a fetch that never answers → APIConnectionTimeoutError', { timeout: 3_000 }, async () => {
    const { error } = await settle(
      client({ timeoutMs: 40, maxRetries: 0, fetch: neverAnswers }).getJson('/x'),
    );
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
  });

  it('an abort ends a never-ending body at once', { timeout: 3_000 }, async () => {
    const controller = new AbortController();
    const pending = settle(client({ fetch: neverEndingBody }).getJson('/x', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const began = performance.now();
    controller.abort();
    const { error } = await pending;
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(performance.now() - began).toBeLessThan(50);
  });
});

describe('abort (real timers)', () => {
  it('during a request: ends at once with APIUserAbortError, not a timeout, and is not retried', async () => {
    server.injectFault({ delayMs: 3_000 });
    const controller = new AbortController();
    const pending = settle(client({ maxRetries: 5 }).getJson('/tasks/1', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const began = performance.now();
    controller.abort(new Error('user pressed ctrl-c'));
    const { error } = await pending;
    expect(performance.now() - began).toBeLessThan(50);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(APIConnectionError.isInstance(error)).toBe(false);
    expect(error.message).toBe('acme: request was aborted');
    expect((error.cause as Error).message).toBe('user pressed ctrl-c');
    expect(server.requests).toHaveLength(1);
  });

  it('while the body is streaming: ends at once', async () => {
    server.injectFault({ stallAfterBytes: 10 });
    const controller = new AbortController();
    const pending = settle(client().getJson('/tasks/1', { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const began = performance.now();
    controller.abort();
    const { error } = await pending;
    expect(performance.now() - began).toBeLessThan(50);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
  });

  it('during a backoff sleep (the real delay): ends at once, no further request', async () => {
    server.injectFault({ status: 503, body: { detail: 'busy' }, headers: { 'retry-after': '10' } });
    const controller = new AbortController();
    const pending = settle(
      client({ maxRetryDelayMs: 60_000 }).getJson('/tasks/1', { signal: controller.signal }),
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.requests).toHaveLength(1);
    const began = performance.now();
    controller.abort();
    const { error } = await pending;
    expect(performance.now() - began).toBeLessThan(50);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal makes no request at all', async () => {
    const { error } = await settle(client().getJson('/tasks/1', { signal: AbortSignal.abort() }));
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
    let calls = 0;
    const stubbed = client({
      fetch: async () => {
        calls++;
        return new Response('{}');
      },
    });
    await expect(stubbed.getJson('/x', { signal: AbortSignal.abort() })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    expect(calls).toBe(0);
  });

  it('an abort during an injected sleep that ignores the signal still stops the retries', async () => {
    server.injectFault({ status: 503, times: 5 });
    const controller = new AbortController();
    const http = client({
      sleep: async () => {
        controller.abort();
      },
    });
    const { error } = await settle(http.getJson('/tasks/1', { signal: controller.signal }));
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
