import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { APIError } from '../errors/api-error';
import { InvalidResponseError } from '../errors/invalid-response-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { createHttpClient } from './create-http-client';
import type { HttpClientSettings } from './http-client-settings';

const BASE = 'https://bodies.example.test/v1';

function client(overrides: Partial<HttpClientSettings> = {}) {
  return createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
    baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
    defaultBaseURL: BASE,
    apiKey: 'acme-key-000',
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    sleep: async () => {},
    ...overrides,
  });
}

/** A client whose fetch answers `answer()` and counts the calls. */
function answering(answer: () => Response, overrides: Partial<HttpClientSettings> = {}) {
  let calls = 0;
  const http = client({
    fetch: async () => {
      calls++;
      return answer();
    },
    ...overrides,
  });
  return { http, calls: () => calls };
}

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );

describe('a 2xx whose body is not the promised JSON → InvalidResponseError, body kept, no retry', () => {
  it.each([
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>challenge</body></html>',
      'text/html; charset=utf-8',
      'acme: expected a JSON body, got unparseable text (text/html; charset=utf-8, 94 characters)',
    ],
    ['an empty body', '', 'application/json', 'acme: expected a JSON body, got an empty body (HTTP 200)'],
    ['whitespace', ' \n ', 'application/json', 'acme: expected a JSON body, got an empty body (HTTP 200)'],
    [
      'cut JSON',
      '{"id": "t1", "status": ',
      'application/json',
      'acme: expected a JSON body, got unparseable text (application/json, 23 characters)',
    ],
    [
      'plain text',
      'OK',
      'text/plain',
      'acme: expected a JSON body, got unparseable text (text/plain, 2 characters)',
    ],
  ])('%s', async (_label, body, contentType, message) => {
    const { http, calls } = answering(
      () =>
        new Response(body, {
          status: 200,
          headers: { 'content-type': contentType, 'x-request-id': 'req_9' },
        }),
    );
    const error = (await fail(http.getJson('/tasks/1'))) as InvalidResponseError;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(ResponseTooLargeError.isInstance(error)).toBe(false);
    expect(APIError.isInstance(error)).toBe(false);
    expect(error.message).toBe(message);
    expect(error.body).toBe(body);
    expect(error.status).toBe(200);
    expect(error.requestId).toBe('req_9');
    expect(error.headers['content-type']).toBe(contentType);
    expect(error.url).toBe(`${BASE}/tasks/1`);
    expect(calls()).toBe(1);
  });

  it('204 No Content is not a task either', async () => {
    const { http } = answering(() => new Response(null, { status: 204 }));
    const error = await fail(http.getJson('/x'));
    expect(error.message).toBe('acme: expected a JSON body, got an empty body (HTTP 204)');
  });

  it('a body that fails `validate` keeps the checker message and the body', async () => {
    const { http, calls } = answering(() => Response.json({ id: 1, status: null }));
    const error = (await fail(
      http.getJson('/x', {
        validate: (data) =>
          typeof (data as { id?: unknown }).id === 'string' ? undefined : 'expected a task with a string id',
      }),
    )) as InvalidResponseError;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme: expected a task with a string id');
    expect(error.body).toBe('{"id":1,"status":null}');
    expect(calls()).toBe(1);
  });

  it('a `validate` that throws is an InvalidResponseError too, not a connection error to retry', async () => {
    const { http, calls } = answering(() => Response.json(null));
    const error = (await fail(
      http.getJson('/x', { validate: (data) => ((data as { id: string }).id ? undefined : 'no id') }),
    )) as InvalidResponseError;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/^acme: unexpected response: Cannot read properties of null/);
    expect(error.body).toBe('null');
    expect(calls()).toBe(1);
  });

  it('valid JSON passes through, `validate` sees the parsed value, headers come lower-case', async () => {
    const seen: unknown[] = [];
    nock(BASE)
      .get('/tasks/1')
      .reply(200, { id: 't1', n: 1.5, list: [1, 2] }, { 'X-Request-Id': 'req_1', 'X-Extra': 'yes' });
    const response = await client().getJson('/tasks/1', {
      validate: (data) => {
        seen.push(data);
        return undefined;
      },
    });
    expect(response).toEqual({
      data: { id: 't1', n: 1.5, list: [1, 2] },
      status: 200,
      headers: expect.objectContaining({ 'x-request-id': 'req_1', 'x-extra': 'yes' }),
      requestId: 'req_1',
      url: `${BASE}/tasks/1`,
    });
    expect(seen).toEqual([{ id: 't1', n: 1.5, list: [1, 2] }]);
  });

  it('a UTF-8 body with a byte-order mark and multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"name":"café 任务 😀"}');
    const { http } = answering(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
              controller.close();
            },
          }),
          { status: 200 },
        ),
    );
    expect((await http.getJson('/x')).data).toEqual({ name: 'café 任务 😀' });
  });

  it.each([
    ['request-id', 'r-1'],
    ['x-amzn-requestid', 'r-2'],
    ['x-correlation-id', 'r-3'],
  ])('the request id also comes from %s', async (header, value) => {
    const { http } = answering(() => Response.json({}, { headers: { [header]: value } }));
    expect((await http.getJson('/x')).requestId).toBe(value);
  });
});

describe('maxResponseBytes → ResponseTooLargeError, reading stops there', () => {
  it('a declared content-length past the limit fails before reading', async () => {
    let pulled = 0;
    const { http, calls } = answering(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(100));
            },
          }),
          { status: 200, headers: { 'content-length': '5000' } },
        ),
      { maxResponseBytes: 1_000 },
    );
    const error = (await fail(http.getJson('/x'))) as ResponseTooLargeError;
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.maxResponseBytes).toBe(1_000);
    expect(error.message).toBe('acme: response body is larger than maxResponseBytes (1000 bytes)');
    expect(error.body).toBe('');
    expect(pulled).toBeLessThanOrEqual(1); // at most the stream's own first pull
    expect(calls()).toBe(1);
  });

  it('an endless body with no content-length is cut at the limit, and the start is kept', async () => {
    let pulled = 0;
    const { http, calls } = answering(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new TextEncoder().encode('x'.repeat(256)));
            },
          }),
          { status: 200 },
        ),
      { maxResponseBytes: 1_000 },
    );
    const error = (await fail(http.getJson('/x'))) as ResponseTooLargeError;
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error.body).toBe('x'.repeat(1_000));
    expect(pulled).toBeLessThan(10);
    expect(calls()).toBe(1);
  });

  it('the kept start of a big body is bounded', async () => {
    const { http } = answering(() => new Response('y'.repeat(50_000), { status: 200 }), {
      maxResponseBytes: 40_000,
    });
    const error = (await fail(http.getJson('/x'))) as ResponseTooLargeError;
    expect(error.body.length).toBeLessThanOrEqual(2_000);
    expect(error.body).toBe('y'.repeat(error.body.length));
  });

  it('a body exactly at the limit is read', async () => {
    const body = JSON.stringify({ pad: 'p'.repeat(90) });
    const { http } = answering(() => new Response(body, { status: 200 }), {
      maxResponseBytes: new TextEncoder().encode(body).byteLength,
    });
    expect((await http.getJson('/x')).data).toEqual({ pad: 'p'.repeat(90) });
  });

  it('the limit holds for error bodies too, and the error stays the status error (class, retry, hint)', async () => {
    const { http, calls } = answering(() => new Response('e'.repeat(10_000), { status: 500 }), {
      maxResponseBytes: 1_000,
      maxRetries: 0,
    });
    const error = (await fail(http.getJson('/x'))) as APIError;
    expect(error.constructor.name).toBe('InternalServerError');
    expect(error.status).toBe(500);
    expect(error.isRetryable).toBe(true);
    expect(String(error.body).length).toBeLessThanOrEqual(1_000); // what was read, never more
    expect(calls()).toBe(1);

    // A rate limit with a huge body is still a RateLimitError: it is retried after its hint.
    const limited = answering(
      () => new Response('x'.repeat(10_000), { status: 429, headers: { 'retry-after': '3' } }),
      { maxResponseBytes: 1_000, maxRetries: 0 },
    );
    const rateLimited = (await fail(limited.http.getJson('/x'))) as APIError;
    expect(rateLimited.constructor.name).toBe('RateLimitError');
    expect(rateLimited.retryAfterMs).toBe(3_000);
  });

  it('reads every body as UTF-8, whatever charset the content-type claims (as Response.json() does)', async () => {
    // A proxy's wrong label must not corrupt a UTF-8 JSON body. (A declared charset is not used: an
    // iso-8859-1 error page would show U+FFFD for its accents; that choice keeps the bundle small.)
    for (const label of ['ISO-8859-1', 'utf-16', 'x-made-up']) {
      const json = answering(
        () =>
          new Response(new TextEncoder().encode('{"note":"café 😀"}'), {
            headers: { 'content-type': `application/json; charset=${label}` },
          }),
      );
      expect((await json.http.getJson<{ note: string }>('/x')).data.note).toBe('café 😀');
    }
  });

  it('an error answer whose body cannot be read keeps its status: a 404 is a NotFoundError, not retried', async () => {
    const cutOff = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"detail":"Task not fo'));
            controller.error(new TypeError('other side closed'));
          },
        }),
        { status: 404 },
      );
    const { http, calls } = answering(cutOff, { maxRetries: 2 });
    const error = (await fail(http.getJson('/x'))) as APIError;
    expect(error.constructor.name).toBe('NotFoundError');
    expect(error.status).toBe(404);
    expect(calls()).toBe(1);
    // A 2xx whose body breaks is still a connection error, retried.
    const broken = answering(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.error(new TypeError('other side closed'));
            },
          }),
        ),
      { maxRetries: 1 },
    );
    expect((await fail(broken.http.getJson('/x'))).constructor.name).toBe('APIConnectionError');
    expect(broken.calls()).toBe(2);
  });
});

describe('redirects are not followed (the key header would travel with them)', () => {
  it.each([301, 302, 307, 308])('%s → APIError naming the location, no retry', async (status) => {
    nock(BASE).get('/tasks/1').reply(status, '', { location: 'https://elsewhere.example.test/steal' });
    const error = (await fail(client().getJson('/tasks/1'))) as APIError;
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.status).toBe(status);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe(
      `acme ${status}: redirect to https://elsewhere.example.test/steal not followed`,
    );
  });
});

describe('too-large bodies keep what support needs', () => {
  it('the request id of a too-large 2xx', async () => {
    const { http } = answering(
      () => new Response('x'.repeat(100), { headers: { 'x-request-id': 'req_1' } }),
      { maxResponseBytes: 10 },
    );
    const error = (await fail(http.getJson('/x'))) as ResponseTooLargeError;
    expect(ResponseTooLargeError.isInstance(error)).toBe(true);
    expect(error.requestId).toBe('req_1');
  });

  it('the start of a too-large error answer, with the vendor message in it', async () => {
    const { http } = answering(() => new Response(`{"detail":"boom"}${'x'.repeat(5_000)}`, { status: 500 }), {
      maxResponseBytes: 1_000,
      maxRetries: 0,
    });
    const error = (await fail(http.getJson('/x'))) as APIError;
    expect(error.status).toBe(500);
    expect(String(error.body).startsWith('{"detail":"boom"}')).toBe(true);
  });

  it('a content-length exactly at the limit is read', async () => {
    const json = '{"ok":true}';
    const { http } = answering(
      () => new Response(json, { headers: { 'content-length': String(json.length) } }),
      {
        maxResponseBytes: json.length,
      },
    );
    expect((await http.getJson('/x')).data).toEqual({ ok: true });
  });
});
