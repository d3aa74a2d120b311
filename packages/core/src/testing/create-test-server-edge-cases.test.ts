import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestServer } from './create-test-server';
import type { TestServer, TestServerOptions } from './test-server-types';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** A 64-byte JSON body, so chunk and byte counts are easy to reason about. */
const BODY = { data: 'x'.repeat(52) };
const BODY_TEXT = JSON.stringify(BODY);

const start = async (options: TestServerOptions = {}) => {
  server = await createTestServer({
    routes: [
      {
        method: 'GET',
        path: '/items/:id',
        handler: ({ params }) => ({ status: 200, body: { id: params.id } }),
      },
      { method: 'GET', path: '/big', handler: () => ({ status: 200, body: BODY }) },
      { method: 'POST', path: '/items', handler: () => ({ status: 201, body: 'created' }) },
    ],
    ...options,
  });
  return server;
};

/**
 * Watches the timers of a given duration (the faults' long ones), to prove the server clears them:
 * `pending()` is how many were set and not yet cleared.
 */
function watchTimers(ms: number) {
  const setSpy = vi.spyOn(globalThis, 'setTimeout');
  const clearSpy = vi.spyOn(globalThis, 'clearTimeout');
  return {
    pending() {
      const set = setSpy.mock.calls
        .map((call, index) => (call[1] === ms ? setSpy.mock.results[index]?.value : undefined))
        .filter((timer) => timer !== undefined);
      const cleared = new Set(clearSpy.mock.calls.map((call) => call[0]));
      return set.filter((timer) => !cleared.has(timer)).length;
    },
  };
}

/** Reads a body chunk by chunk; resolves with the chunks, rejects when the stream fails. */
async function readChunks(response: Response): Promise<Uint8Array[]> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

describe('createTestServer: requests and routes', () => {
  it('logs method, raw path, url, decoded query and lower-case headers, in order', async () => {
    let clock = 5_000;
    const s = await start({ now: () => clock++ });
    await fetch(`${s.url}/items/a%2Fb?q=a%20b&q=last&flag=`, { headers: { 'X-Trace': 't1' } });
    await fetch(`${s.url}/nowhere`);
    const [first, second] = s.requests;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/items/a%2Fb',
      url: '/items/a%2Fb?q=a%20b&q=last&flag=',
      query: { q: 'last', flag: '' },
      receivedAt: 5_000,
    });
    expect(first?.headers['x-trace']).toBe('t1');
    expect(second).toMatchObject({ path: '/nowhere', receivedAt: 5_001 });
  });

  it('passes decoded params to the handler', async () => {
    const s = await start();
    expect(await (await fetch(`${s.url}/items/caf%C3%A9%20%2F%201`)).json()).toEqual({ id: 'café / 1' });
  });

  it('does not match a param that fails to decode (falls through to notFound)', async () => {
    const s = await start();
    expect((await fetch(`${s.url}/items/%E0%A4%A`)).status).toBe(404);
  });

  it('uses a custom notFound, and routes added later', async () => {
    const s = await start({
      notFound: (request) => ({ status: 418, body: `no ${request.path}`, headers: { 'x-why': 'teapot' } }),
    });
    const missing = await fetch(`${s.url}/later`);
    expect(missing.status).toBe(418);
    expect(missing.headers.get('x-why')).toBe('teapot');
    expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await missing.text()).toBe('no /later');
    s.route({
      method: 'get',
      path: '/later',
      handler: async () => ({ status: 200, body: Buffer.from('raw') }),
    });
    const found = await fetch(`${s.url}/later`);
    expect(found.headers.get('content-type')).toBe('application/octet-stream');
    expect(await found.text()).toBe('raw');
  });

  it('answers 500 with the message when a handler rejects or its body cannot be serialized', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const s = await start();
    s.route({ method: 'GET', path: '/reject', handler: () => Promise.reject(new Error('async broke')) });
    s.route({ method: 'GET', path: '/circular', handler: () => ({ status: 200, body: circular }) });
    const rejected = await fetch(`${s.url}/reject`);
    expect(rejected.status).toBe(500);
    expect(await rejected.json()).toEqual({ error: 'async broke' });
    const unserializable = await fetch(`${s.url}/circular`);
    expect(unserializable.status).toBe(500);
    expect(await unserializable.json()).toMatchObject({ error: expect.stringContaining('circular') });
  });

  it('answers a POST with a body without hanging', async () => {
    const s = await start();
    const response = await fetch(`${s.url}/items`, { method: 'POST', body: 'y'.repeat(200_000) });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('created');
  });

  it('counts and clears the request log', async () => {
    const s = await start();
    await fetch(`${s.url}/items/1`);
    await fetch(`${s.url}/items/2`);
    await fetch(`${s.url}/items`, { method: 'POST' });
    expect(s.countRequests()).toBe(3);
    expect(s.countRequests({ method: 'get' })).toBe(2);
    expect(s.countRequests({ path: '/items/:id' })).toBe(2);
    expect(s.countRequests({ path: '/items/2' })).toBe(1);
    expect(s.countRequests({ method: 'POST', path: /^\/items$/ })).toBe(1);
    s.clearRequests();
    expect(s.requests).toEqual([]);
  });

  it('hands out a copy of the request log: a snapshot does not change with later requests', async () => {
    const s = await start();
    await fetch(`${s.url}/items/1`);
    const snapshot = s.requests;
    await fetch(`${s.url}/items/2`);
    expect(snapshot.map((request) => request.path)).toEqual(['/items/1']);
    s.clearRequests();
    expect(snapshot).toHaveLength(1);
  });

  it('a route header replaces the default of any letter case (content-type)', async () => {
    server = await createTestServer({
      routes: [
        {
          method: 'GET',
          path: '/page',
          handler: () => ({ status: 200, body: '<p>x</p>', headers: { 'Content-Type': 'text/html' } }),
        },
      ],
    });
    const response = await fetch(`${server.url}/page`);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<p>x</p>');
  });
});

describe('createTestServer: faults', () => {
  it('logs a request before the fault answers it', async () => {
    const s = await start();
    s.injectFault({ status: 503 });
    expect((await fetch(`${s.url}/items/1`)).status).toBe(503);
    expect(s.requests.map((request) => request.path)).toEqual(['/items/1']);
  });

  it('adds the headers of a fault without status or body to the route answer', async () => {
    const s = await start();
    s.injectFault({ headers: { 'Retry-After': '2' } });
    const response = await fetch(`${s.url}/items/7`);
    expect(response.status).toBe(200);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({ id: '7' });
  });

  it('matches faults by method, by route pattern, by exact path and by RegExp', async () => {
    const s = await start();
    s.injectFault({ match: { method: 'POST' }, status: 501, times: Number.POSITIVE_INFINITY });
    s.injectFault({ match: { path: '/items/:id' }, status: 502 });
    s.injectFault({ match: { path: '/big' }, status: 503 });
    s.injectFault({ match: { method: 'GET', path: /^\/items\/9/ }, status: 504 });
    expect((await fetch(`${s.url}/items`, { method: 'POST' })).status).toBe(501);
    expect((await fetch(`${s.url}/items`, { method: 'POST' })).status).toBe(501);
    expect((await fetch(`${s.url}/big`)).status).toBe(503);
    expect((await fetch(`${s.url}/items/9`)).status).toBe(502); // first matching fault wins
    expect((await fetch(`${s.url}/items/9`)).status).toBe(504);
    expect((await fetch(`${s.url}/items/9`)).status).toBe(200);
  });

  it('a global or sticky RegExp in match.path or countRequests matches every request, not every other one', async () => {
    const s = await start();
    s.injectFault({ match: { path: /items/g }, status: 500, times: 2 });
    expect((await fetch(`${s.url}/items/1`)).status).toBe(500);
    expect((await fetch(`${s.url}/items/2`)).status).toBe(500);
    expect((await fetch(`${s.url}/items/3`)).status).toBe(200);
    const global = /\/items/g;
    const sticky = /\/items/y;
    expect(s.countRequests({ path: global })).toBe(3);
    expect(s.countRequests({ path: global })).toBe(3);
    expect(s.countRequests({ path: sticky })).toBe(3);
    expect(s.countRequests({ path: sticky })).toBe(3);
  });

  it('a truncated or stalled answer says connection: close, so no request queues on that connection', async () => {
    const s = await start();
    for (const fault of [{ truncateAfterBytes: 3 }, { stallAfterBytes: 3, stallMs: 10 }]) {
      s.injectFault(fault);
      const controller = new AbortController();
      const response = await fetch(`${s.url}/big`, { signal: controller.signal });
      expect(response.headers.get('connection')).toBe('close');
      controller.abort();
      await response.text().catch(() => {});
    }
    expect((await fetch(`${s.url}/big`)).status).toBe(200);
  });

  it('defaults to 500 when a fault sets only a body', async () => {
    const s = await start();
    s.injectFault({ body: 'oops' });
    const response = await fetch(`${s.url}/items/1`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('oops');
  });

  it('rolls probability with a seeded random, only when below 1, without using up times on a miss', async () => {
    const rolls = [0.7, 0.2, 0.5, 0.49];
    let calls = 0;
    const s = await start({
      random: () => {
        calls++;
        return rolls.shift() ?? 0.99;
      },
    });
    s.injectFault({ status: 429, probability: 0.5, times: 2 });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await fetch(`${s.url}/items/1`)).status);
    expect(statuses).toEqual([200, 429, 200, 429, 200]);
    expect(calls).toBe(4); // the fifth request finds no fault with times left: no roll
    s.injectFault({ status: 503 });
    expect((await fetch(`${s.url}/items/1`)).status).toBe(503);
    expect(calls).toBe(4);
  });

  it('never applies a fault with probability 0 or times 0', async () => {
    const s = await start();
    s.injectFault({ status: 500, probability: 0, times: Number.POSITIVE_INFINITY });
    s.injectFault({ status: 500, times: 0 });
    for (let index = 0; index < 3; index++) expect((await fetch(`${s.url}/items/1`)).status).toBe(200);
  });

  it('rejects an invalid fault where it is injected', async () => {
    const s = await start();
    expect(() => s.injectFault({ probability: 2 })).toThrow(RangeError);
    expect(() => s.injectFault({ times: -1 })).toThrow(RangeError);
    expect(() => s.injectFault({ delayMs: Number.NaN })).toThrow(RangeError);
    expect(() => s.injectFault({ truncateAfterBytes: 1, stallAfterBytes: 1 })).toThrow(TypeError);
    // A bad match fails here, not as a 500 on every later request.
    expect(() => s.injectFault({ match: { path: 42 as unknown as string } })).toThrow(
      'fault.match.path must be a string or a RegExp, got number',
    );
    expect(() => s.injectFault({ match: { method: 7 as unknown as string } })).toThrow(
      'fault.match.method must be a string, got number',
    );
    expect(() => s.injectFault({ match: '/items/1' as unknown as { path: string } })).toThrow(
      'fault.match must be an object { method?, path? }, got "/items/1"',
    );
    expect(() => s.countRequests({ path: 42 as unknown as string })).toThrow(TypeError);
    expect((await fetch(`${s.url}/items/1`)).status).toBe(200);
  });

  it('keeps a copy of the fault: later changes to its headers or body do not reach it', async () => {
    const s = await start();
    const fault = { status: 429, headers: { 'retry-after': '1' }, body: { error: 'first' } };
    s.injectFault(fault);
    fault.headers['retry-after'] = '30';
    fault.body.error = 'second';
    const response = await fetch(`${s.url}/items/1`);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: 'first' });
  });

  it('logs every value of a repeated header, joined with ", "', async () => {
    const s = await start();
    // Raw lines: fetch would join the values itself; Node keeps only the first of some (authorization).
    const { port } = new URL(s.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end(
          'GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: apikey A\r\nAuthorization: apikey B\r\n' +
            'User-Agent: u1\r\nUser-Agent: u2\r\nConnection: close\r\n\r\n',
        );
      });
      socket.on('data', () => {});
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect(s.requests[0]?.headers).toMatchObject({
      authorization: 'apikey A, apikey B',
      'user-agent': 'u1, u2',
    });
  });

  it('a truncate or stall at or past the end of the body still cuts it, and never spills onto the next request', async () => {
    const s = await start();
    // One socket, kept alive: a reply left whole would put it back in the pool with the fault still on it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const request = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        get(`${s.url}${path}`, { agent }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          response.on('error', reject);
          response.on('aborted', () => reject(new Error('aborted')));
        }).on('error', reject);
      });
    try {
      s.injectFault({ truncateAfterBytes: 10_000 });
      await expect(request('/big')).rejects.toThrow();
      expect(await request('/big')).toEqual({ status: 200, body: BODY_TEXT });

      s.injectFault({ stallAfterBytes: 10_000 });
      const stalled = request('/big');
      stalled.catch(() => {});
      expect(await settlesWithin(stalled, 40)).toBe(false); // the last byte is held back
      expect(await settlesWithin(request('/big'), 1_000)).toBe(true); // a new connection, not queued
    } finally {
      agent.destroy();
    }
  });

  it('resets the connection: fetch rejects with a network error', async () => {
    const s = await start();
    s.injectFault({ reset: true, delayMs: 10 });
    const error = await fetch(`${s.url}/items/1`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect((await fetch(`${s.url}/items/1`)).status).toBe(200);
  });

  it('truncates: the full content-length is announced, the body read rejects after N bytes', async () => {
    const s = await start();
    s.injectFault({ truncateAfterBytes: 10 });
    const response = await fetch(`${s.url}/big`);
    expect(response.headers.get('content-length')).toBe(String(BODY_TEXT.length));
    const reader = response.body!.getReader();
    let received = 0;
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        received += value.length;
      }
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(Error);
    expect(received).toBe(10);
  });

  it('truncates to zero bytes after the headers', async () => {
    const s = await start();
    s.injectFault({ truncateAfterBytes: 0 });
    const response = await fetch(`${s.url}/big`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('stalls: the body read does not finish until the client aborts, and the server clears its timer', async () => {
    const s = await start();
    const timers = watchTimers(5_000);
    s.injectFault({ stallAfterBytes: 4, stallMs: 5_000 });
    const controller = new AbortController();
    const response = await fetch(`${s.url}/big`, { signal: controller.signal });
    const reading = readChunks(response);
    expect(await settlesWithin(reading, 60)).toBe(false);
    expect(timers.pending()).toBe(1); // the stall timer
    controller.abort();
    await expect(reading).rejects.toThrow();
    // The server sees the client go away and clears the 5 s stall timer.
    for (let attempt = 0; attempt < 100 && timers.pending() > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(timers.pending()).toBe(0);
  });

  it('stalls until the server closes; close resolves fast and leaves no timer', async () => {
    const s = await start();
    const timers = watchTimers(5_000);
    s.injectFault({ stallAfterBytes: 4, stallMs: 5_000 });
    s.injectFault({ match: { path: '/items/:id' }, delayMs: 5_000 });
    const stalled = await fetch(`${s.url}/big`);
    const reading = readChunks(stalled);
    const delayed = fetch(`${s.url}/items/1`).catch((error: unknown) => error);
    while (s.countRequests() < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await settlesWithin(reading, 30)).toBe(false);
    expect(timers.pending()).toBe(2); // the stall and the delay timers
    const began = performance.now();
    await Promise.all([s.close(), s.close()]);
    expect(performance.now() - began).toBeLessThan(200);
    await expect(reading).rejects.toThrow();
    expect(await delayed).toBeInstanceOf(Error);
    expect(timers.pending()).toBe(0); // cleared by close() itself, at once
    expect(s.close()).toBe(s.close()); // idempotent: the same promise
    server = undefined;
  });

  it('sends a slow body in chunks with chunkDelayMs between them', async () => {
    const s = await start();
    s.injectFault({ chunkDelayMs: 15, chunkSize: 16 });
    const began = performance.now();
    const response = await fetch(`${s.url}/big`);
    const chunks = await readChunks(response);
    expect(performance.now() - began).toBeGreaterThanOrEqual(40); // 4 chunks, 3 pauses of 15 ms
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(Buffer.concat(chunks).toString()).toBe(BODY_TEXT);
  });

  it('combines chunkDelayMs with a stall that resumes after stallMs', async () => {
    const s = await start();
    s.injectFault({ stallAfterBytes: 20, stallMs: 20, chunkDelayMs: 5, chunkSize: 8 });
    expect(await (await fetch(`${s.url}/big`)).json()).toEqual(BODY);
  });
});
