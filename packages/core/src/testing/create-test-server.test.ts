import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer } from './create-test-server';
import type { TestServer } from './test-server-types';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (random?: () => number) => {
  server = await createTestServer({
    random,
    routes: [
      {
        method: 'GET',
        path: '/tasks/:id',
        handler: ({ params, request }) => ({ status: 200, body: { id: params.id, query: request.query } }),
      },
      {
        method: 'GET',
        path: '/boom',
        handler: () => {
          throw new Error('handler broke');
        },
      },
    ],
  });
  return server;
};

describe('createTestServer', () => {
  it('serves routes on 127.0.0.1, decodes params and logs raw paths', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${s.url}/tasks/a%2Fb?x=1`, { headers: { 'x-test': 'yes' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ id: 'a/b', query: { x: '1' } });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ method: 'GET', path: '/tasks/a%2Fb', url: '/tasks/a%2Fb?x=1' });
    expect(s.requests[0]?.headers['x-test']).toBe('yes');
  });

  it('answers 404 for unknown paths and 500 with the message when a handler throws', async () => {
    const s = await start();
    const missing = await fetch(`${s.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no route' });
    const broken = await fetch(`${s.url}/boom`);
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: 'handler broke' });
  });

  it('replies a fault status, body and headers once, then the route again', async () => {
    const s = await start();
    s.injectFault({ status: 503, body: { error: 'busy' }, headers: { 'retry-after': '0' } });
    const faulted = await fetch(`${s.url}/tasks/1`);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('retry-after')).toBe('0');
    expect(await faulted.json()).toEqual({ error: 'busy' });
    expect((await fetch(`${s.url}/tasks/1`)).status).toBe(200);
    expect(s.countRequests({ path: '/tasks/:id' })).toBe(2);
  });

  it("answers an error-status fault without a body with faultBody, and a fault's own body over it", async () => {
    const statuses: number[] = [];
    server = await createTestServer({
      routes: [{ method: 'GET', path: '/t', handler: () => ({ status: 200, body: { ok: true } }) }],
      faultBody: (status) => {
        statuses.push(status);
        return { detail: `vendor says ${status}` };
      },
    });
    const read = async () => {
      const response = await fetch(`${server!.url}/t`);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: await response.text(),
      };
    };
    server.injectFault({ status: 503 });
    expect(await read()).toEqual({
      status: 503,
      type: expect.stringContaining('json'),
      text: '{"detail":"vendor says 503"}',
    });
    server.injectFault({ status: 429 }); // a 4xx is an error status too
    expect(await read()).toMatchObject({ status: 429, text: '{"detail":"vendor says 429"}' });
    server.injectFault({ status: 429, body: { mine: 1 } });
    expect(await read()).toMatchObject({ status: 429, text: '{"mine":1}' });
    server.injectFault({ status: 502, body: '' });
    expect(await read()).toMatchObject({ status: 502, text: '' });
    server.injectFault({ status: 204 }); // not an error status: no error body
    expect(await read()).toMatchObject({ status: 204, text: '' });
    server.injectFault({ headers: { 'x-extra': '1' } }); // no status: the route answers
    expect(await read()).toMatchObject({ status: 200, text: '{"ok":true}' });
    expect(statuses).toEqual([503, 429]);
  });

  it('answers an error-status fault without a body with an empty body when there is no faultBody', async () => {
    const s = await start();
    s.injectFault({ status: 503 });
    const response = await fetch(`${s.url}/tasks/1`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('');
  });

  it('applies a fault `times` times, only to matching requests', async () => {
    const s = await start();
    s.injectFault({ match: { path: /^\/tasks\/2$/ }, status: 500, times: 2 });
    expect((await fetch(`${s.url}/tasks/1`)).status).toBe(200);
    expect((await fetch(`${s.url}/tasks/2`)).status).toBe(500);
    expect((await fetch(`${s.url}/tasks/2`)).status).toBe(500);
    expect((await fetch(`${s.url}/tasks/2`)).status).toBe(200);
    s.injectFault({ match: { method: 'POST' }, status: 500 });
    expect((await fetch(`${s.url}/tasks/3`)).status).toBe(200);
    s.clearFaults();
    s.injectFault({ status: 500, times: Number.POSITIVE_INFINITY });
    s.clearFaults();
    expect((await fetch(`${s.url}/tasks/3`)).status).toBe(200);
  });

  it('rolls `probability` with the injected random source', async () => {
    const rolls = [0.9, 0.1];
    const s = await start(() => rolls.shift() ?? 0.9);
    s.injectFault({ status: 500, probability: 0.5, times: Number.POSITIVE_INFINITY });
    expect((await fetch(`${s.url}/tasks/1`)).status).toBe(200); // 0.9 loses the roll
    expect((await fetch(`${s.url}/tasks/1`)).status).toBe(500); // 0.1 wins it
  });

  it('delays the headers by delayMs', async () => {
    const s = await start();
    s.injectFault({ delayMs: 60 });
    const began = Date.now();
    expect((await fetch(`${s.url}/tasks/1`)).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(55);
  });

  it('resets the connection before any response', async () => {
    const s = await start();
    s.injectFault({ reset: true });
    await expect(fetch(`${s.url}/tasks/1`)).rejects.toThrow();
    expect(s.requests).toHaveLength(1);
  });

  it('cuts the body after truncateAfterBytes', async () => {
    const s = await start();
    s.injectFault({ truncateAfterBytes: 5 });
    const response = await fetch(`${s.url}/tasks/1`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('stalls the body until the client aborts', async () => {
    const s = await start();
    s.injectFault({ stallAfterBytes: 3 });
    const controller = new AbortController();
    const response = await fetch(`${s.url}/tasks/1`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 40);
    await expect(response.text()).rejects.toThrow();
  });

  it('sends the rest after stallMs, and a slow body in chunks', async () => {
    const s = await start();
    s.injectFault({ stallAfterBytes: 3, stallMs: 30 });
    expect(await (await fetch(`${s.url}/tasks/1`)).json()).toEqual({ id: '1', query: {} });
    s.injectFault({ chunkDelayMs: 5, chunkSize: 4 });
    const began = Date.now();
    expect(await (await fetch(`${s.url}/tasks/22`)).json()).toEqual({ id: '22', query: {} });
    expect(Date.now() - began).toBeGreaterThanOrEqual(10);
  });

  it('closes at once even with a stalled request pending', async () => {
    const s = await start();
    s.injectFault({ stallAfterBytes: 1 });
    const response = await fetch(`${s.url}/tasks/1`);
    const reading = response.text().catch((error: unknown) => error);
    const began = Date.now();
    await s.close();
    expect(Date.now() - began).toBeLessThan(500);
    expect(await reading).toBeInstanceOf(Error);
    server = undefined;
  });
});
