import { describe, expect, it } from 'vitest';
import { APIConnectionError } from '../errors/api-connection-error';
import { APIConnectionTimeoutError } from '../errors/api-connection-timeout-error';
import { APIError } from '../errors/api-error';
import { InvalidResponseError } from '../errors/invalid-response-error';
import { InternalServerError, RateLimitError } from '../errors/status-errors';
import { createHttpClient } from './create-http-client';
import type { FetchFunction } from './fetch-function';
import { getRetryDelay } from './get-retry-delay';
import type { HttpClientSettings } from './http-client-settings';
import { parseRetryAfter } from './parse-retry-after';

type Answer = () => Response | Promise<Response>;

/** A fetch stub replaying `answers` (the last one repeats) and a client around it with a recorded sleep. */
function setup(answers: Answer[], overrides: Partial<HttpClientSettings> = {}) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const sleeps: Array<{ ms: number; signal: AbortSignal | undefined }> = [];
  const fetch: FetchFunction = async (input, init) => {
    requests.push({ url: String(input), init });
    return answers[Math.min(requests.length - 1, answers.length - 1)]!();
  };
  const http = createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
    baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
    defaultBaseURL: 'https://acme.example.test/v1',
    apiKey: 'acme-key-000',
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    fetch,
    random: () => 0,
    sleep: async (ms, signal) => {
      sleeps.push({ ms, signal });
    },
    ...overrides,
  });
  return { http, requests, sleeps: () => sleeps.map((sleep) => sleep.ms), sleepCalls: sleeps };
}

const reply =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Answer =>
  () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const ok = reply(200, { id: 't1' });
const fetchFailed: Answer = () => {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
};
/** Never answers, but honours the signal as the platform fetch does. */
const hang: FetchFunction = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {
      once: true,
    });
  });

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );

describe('how many attempts each failure gets', () => {
  it('a connection error: 3 attempts by default, then APIConnectionError naming the cause', async () => {
    const { http, requests, sleeps } = setup([fetchFailed]);
    const error = await fail(http.getJson('/tasks/1'));
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(false);
    expect(error.message).toBe('acme: connection error (ECONNREFUSED: connect ECONNREFUSED)');
    expect((error as APIConnectionError).url).toBe('https://acme.example.test/v1/tasks/1');
    expect(requests).toHaveLength(3);
    expect(sleeps()).toEqual([500, 1_000]);
  });

  it('a plain TypeError("fetch failed") with no cause', async () => {
    const { http, requests } = setup([
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    const error = await fail(http.getJson('/x'));
    expect(error.message).toBe('acme: connection error (fetch failed)');
    expect(requests).toHaveLength(3);
  });

  it('a timeout: 3 attempts, then APIConnectionTimeoutError', async () => {
    const { http, requests } = setup([], {
      fetch: async (input, init) => {
        requests.push({ url: String(input), init });
        return hang(input, init);
      },
      timeoutMs: 15,
    });
    const error = await fail(http.getJson('/x'));
    expect(APIConnectionTimeoutError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme: request timed out after 15 ms');
    expect((error as APIConnectionTimeoutError).timeoutMs).toBe(15);
    expect(requests).toHaveLength(3);
  });

  it('a connection error then a success: the data comes back', async () => {
    const { http, requests } = setup([fetchFailed, fetchFailed, ok]);
    expect((await http.getJson('/x')).data).toEqual({ id: 't1' });
    expect(requests).toHaveLength(3);
  });

  for (const status of [408, 409, 429, 500, 502, 503, 504]) {
    it(`${status}: retried twice by default, the last answer thrown`, async () => {
      const { http, requests, sleeps } = setup([reply(status, { detail: `try ${status} later` })]);
      const error = await fail(http.getJson('/x'));
      expect(APIError.isInstance(error)).toBe(true);
      expect((error as APIError).status).toBe(status);
      expect(error.message).toBe(`acme ${status}: try ${status} later`);
      expect(requests).toHaveLength(3);
      expect(sleeps()).toEqual([500, 1_000]);
    });

    it(`${status} then 200: recovers`, async () => {
      const { http, requests } = setup([reply(status), ok]);
      expect((await http.getJson('/x')).data).toEqual({ id: 't1' });
      expect(requests).toHaveLength(2);
    });
  }

  for (const status of [400, 401, 402, 403, 404, 422]) {
    it(`${status}: never retried`, async () => {
      const { http, requests, sleeps } = setup([reply(status, { detail: 'no' }), ok]);
      const error = await fail(http.getJson('/x'));
      expect((error as APIError).status).toBe(status);
      expect(requests).toHaveLength(1);
      expect(sleeps()).toEqual([]);
    });
  }

  it('a 2xx that is not JSON is not retried (the server answered, it would answer the same)', async () => {
    const { http, requests } = setup([reply(200, '<html>oops</html>'), ok]);
    expect(InvalidResponseError.isInstance(await fail(http.getJson('/x')))).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('x-should-retry: true retries a 400, false stops a 503 and a 429', async () => {
    const forced = setup([
      reply(400, {}, { 'x-should-retry': 'true' }),
      reply(400, {}, { 'x-should-retry': 'true' }),
      ok,
    ]);
    expect((await forced.http.getJson('/x')).data).toEqual({ id: 't1' });
    expect(forced.requests).toHaveLength(3);
    for (const status of [503, 429]) {
      const stopped = setup([reply(status, {}, { 'x-should-retry': 'false' }), ok]);
      await fail(stopped.http.getJson('/x'));
      expect(stopped.requests).toHaveLength(1);
    }
    const other = setup([reply(503, {}, { 'x-should-retry': 'maybe' }), ok]);
    await other.http.getJson('/x');
    expect(other.requests).toHaveLength(2);
  });

  it('maxRetries per client and per call', async () => {
    const none = setup([reply(500)], { maxRetries: 0 });
    await fail(none.http.getJson('/x'));
    expect(none.requests).toHaveLength(1);

    const perCall = setup([reply(500)], { maxRetries: 0 });
    await fail(perCall.http.getJson('/x', { maxRetries: 4 }));
    expect(perCall.requests).toHaveLength(5);
    expect(perCall.sleeps()).toEqual([500, 1_000, 2_000, 4_000]);

    const zeroPerCall = setup([fetchFailed]);
    await fail(zeroPerCall.http.getJson('/x', { maxRetries: 0 }));
    expect(zeroPerCall.requests).toHaveLength(1);
  });

  it('rejects a bad per-call maxRetries or timeoutMs before any request', async () => {
    const { http, requests } = setup([ok]);
    for (const options of [
      { maxRetries: -1 },
      { maxRetries: 1.5 },
      { maxRetries: Number.NaN },
      { timeoutMs: 0 },
    ]) {
      await expect(http.getJson('/x', options)).rejects.toThrow(/must be/);
    }
    expect(requests).toHaveLength(0);
  });

  it('each retry sleep gets the caller signal', async () => {
    const controller = new AbortController();
    const { http, sleepCalls } = setup([reply(503), ok]);
    await http.getJson('/x', { signal: controller.signal });
    expect(sleepCalls).toHaveLength(1);
    expect(sleepCalls[0]!.signal).toBe(controller.signal);
  });
});

describe('Retry-After and friends', () => {
  const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

  it.each([
    ['retry-after in seconds', { 'retry-after': '2' }, 2_000],
    ['retry-after in fractional seconds', { 'retry-after': '0.25' }, 250],
    ['retry-after zero', { 'retry-after': '0' }, 0],
    ['retry-after as an HTTP date', { 'retry-after': new Date(NOW + 9_000).toUTCString() }, 9_000],
    ['retry-after as a date in the past', { 'retry-after': new Date(NOW - 9_000).toUTCString() }, 0],
    ['retry-after-ms', { 'retry-after-ms': '1500' }, 1_500],
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '40', 'retry-after': '30' }, 40],
    [
      'a negative retry-after-ms falls back to retry-after',
      { 'retry-after-ms': '-5', 'retry-after': '3' },
      3_000,
    ],
    ['an unreadable retry-after falls back to backoff', { 'retry-after': 'soon' }, 500],
    // Date.parse reads these as dates in 2001, which made a wait of 0: they are no hint, so backoff.
    ['a negative retry-after falls back to backoff', { 'retry-after': '-5' }, 500],
    [
      '"1,5" is a list: its first item counts (it was read as a date, a wait of 0)',
      { 'retry-after': '1,5' },
      1_000,
    ],
    [
      'an empty retry-after-ms falls back to retry-after',
      { 'retry-after-ms': '', 'retry-after': '2' },
      2_000,
    ],
    [
      'a retry-after-ms in exponent form falls back to retry-after',
      { 'retry-after-ms': '1e3', 'retry-after': '2' },
      2_000,
    ],
    ['a proxy and the origin both sent one: the first counts', { 'retry-after': '2, 2' }, 2_000],
    [
      'two HTTP dates joined: the first counts',
      { 'retry-after': `${new Date(NOW + 4_000).toUTCString()}, ${new Date(NOW + 9_000).toUTCString()}` },
      4_000,
    ],
    ['a date-looking text that is no HTTP date falls back to backoff', { 'retry-after': '2026-06-01' }, 500],
    [
      'an RFC 850 date (obsolete, still to be read)',
      { 'retry-after': 'Monday, 01-Jun-26 12:00:05 GMT' },
      5_000,
    ],
    ['an asctime date (obsolete, read as UTC)', { 'retry-after': 'Mon Jun  1 12:00:06 2026' }, 6_000],
    ['an HTTP date in UTC, without a weekday', { 'retry-after': '01 Jun 2026 12:00:07 UTC' }, 7_000],
    ['an HTTP date with +0000', { 'retry-after': 'Mon, 01 Jun 2026 12:00:08 +0000' }, 8_000],
    [
      'a date in another zone is no HTTP date: backoff',
      { 'retry-after': 'Mon, 01 Jun 2026 12:00:30 +9999' },
      500,
    ],
    ['more than the cap is capped at 60 s', { 'retry-after': '86400' }, 60_000],
    [
      'a date far ahead is capped at 60 s',
      { 'retry-after': new Date(NOW + 3_600_000).toUTCString() },
      60_000,
    ],
  ])('%s', async (_label, headers, expected) => {
    const { http, sleeps } = setup([reply(429, { error: 'slow down' }, headers), ok], { now: () => NOW });
    await http.getJson('/x');
    expect(sleeps()).toEqual([expected]);
  });

  it('the hint is kept on the error as retryAfterMs', async () => {
    const { http } = setup([reply(429, { error: 'slow down' }, { 'retry-after': '12' })], { maxRetries: 0 });
    const error = await fail(http.getJson('/x'));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(12_000);
  });

  it('maxRetryDelayMs lowers the cap, for hints and backoff alike', async () => {
    const hinted = setup([reply(503, {}, { 'retry-after': '30' }), ok], { maxRetryDelayMs: 1_234 });
    await hinted.http.getJson('/x');
    expect(hinted.sleeps()).toEqual([1_234]);
    const backoff = setup([reply(503)], { maxRetryDelayMs: 700, maxRetries: 3 });
    await fail(backoff.http.getJson('/x'));
    expect(backoff.sleeps()).toEqual([500, 700, 700]);
  });

  it('a body hint read by the provider is used when there is no header', async () => {
    const { http, sleeps } = setup([reply(429, { retry_after_seconds: 4 }), ok], {
      retryAfterFromBody: (body) => (body as { retry_after_seconds: number }).retry_after_seconds * 1_000,
    });
    await http.getJson('/x');
    expect(sleeps()).toEqual([4_000]);
  });

  it('a provider body-hint reader that throws does not turn the answer into a connection error', async () => {
    const { http, requests } = setup([reply(404, 'not json at all')], {
      retryAfterFromBody: (body) => (body as { a: { b: number } }).a.b,
    });
    const error = await fail(http.getJson('/x'));
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).status).toBe(404);
    expect(requests).toHaveLength(1);
  });
});

describe('backoff growth and jitter', () => {
  it('doubles from 500 ms up to 8 s without jitter (random = 0)', async () => {
    const { http, sleeps } = setup([reply(500)], { maxRetries: 7 });
    await fail(http.getJson('/x'));
    expect(sleeps()).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('jitter takes off at most 25 %', async () => {
    const { http, sleeps } = setup([reply(500)], { maxRetries: 4, random: () => 0.999999 });
    await fail(http.getJson('/x'));
    const expected = [500, 1_000, 2_000, 4_000].map((base) => base * (1 - 0.999999 * 0.25));
    expect(sleeps()).toHaveLength(4);
    sleeps().forEach((ms, index) => {
      expect(ms).toBeCloseTo(expected[index]!, 6);
    });
    const half = setup([reply(500)], { maxRetries: 2, random: () => 0.5 });
    await fail(half.http.getJson('/x'));
    expect(half.sleeps()).toEqual([437.5, 875]);
  });

  it('getRetryDelay stays in (0.75 × base, base] for any random value', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const base = Math.min(500 * 2 ** attempt, 8_000);
      for (const random of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const ms = getRetryDelay(attempt, undefined, { random: () => random });
        expect(ms).toBeLessThanOrEqual(base);
        expect(ms).toBeGreaterThan(base * 0.75);
      }
    }
    expect(getRetryDelay(0, 0)).toBe(0);
    expect(getRetryDelay(3, 120_000)).toBe(60_000);
    expect(getRetryDelay(3, 120_000, { maxRetryDelayMs: 10 })).toBe(10);
    expect(getRetryDelay(0, undefined, { initialDelayMs: 100, random: () => 0 })).toBe(100);
    expect(getRetryDelay(10, undefined, { maxBackoffMs: 3_000, random: () => 0 })).toBe(3_000);
  });
});

describe('the deadline', () => {
  it('no sleep is started that would end past the deadline; the last error is thrown', async () => {
    const { http, requests, sleeps } = setup([reply(503, { detail: 'busy' }, { 'retry-after': '5' })], {
      now: () => 10_000,
    });
    const error = await fail(http.getJson('/x', { deadline: 14_999 }));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme 503: busy');
    expect(requests).toHaveLength(1);
    expect(sleeps()).toEqual([]);
  });

  it('a sleep that ends exactly at the deadline is allowed', async () => {
    const { http, requests, sleeps } = setup([reply(503, {}, { 'retry-after': '5' }), ok], {
      now: () => 10_000,
    });
    await http.getJson('/x', { deadline: 15_000 });
    expect(sleeps()).toEqual([5_000]);
    expect(requests).toHaveLength(2);
  });

  it('the clock is read at each retry', async () => {
    let now = 0;
    const slept: number[] = [];
    const { http, requests } = setup([reply(500)], {
      now: () => now,
      maxRetries: 5,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    await fail(http.getJson('/x', { deadline: 2_000 }));
    // 500 (ends at 500), 1000 (ends at 1500); 2000 more would end at 3500, past 2000.
    expect(slept).toEqual([500, 1_000]);
    expect(requests).toHaveLength(3);
  });
});

describe('parseRetryAfter on its own', () => {
  it('reads lower-case headers and ignores junk', () => {
    expect(parseRetryAfter({ 'retry-after': ' 3 ' })).toBe(3_000);
    expect(parseRetryAfter({ 'retry-after-ms': 'abc' })).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
    expect(
      parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }, Date.UTC(2015, 9, 21, 7, 27, 0)),
    ).toBe(60_000);
  });
});

describe('hints and aborts at the edges', () => {
  it('a body hint that is negative, NaN or infinite is no hint', async () => {
    for (const hint of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { http } = setup([reply(429)], { maxRetries: 0, retryAfterFromBody: () => hint });
      const error = (await fail(http.getJson('/x'))) as APIError;
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBeUndefined();
    }
  });

  it('an abort during a backoff sleep that ignores the signal sends no further request', async () => {
    const controller = new AbortController();
    const { http, requests } = setup([reply(503)], {
      maxRetries: 2,
      sleep: async () => {
        controller.abort();
      },
    });
    const error = await fail(http.getJson('/x', { signal: controller.signal }));
    expect(error.name).toBe('APIUserAbortError');
    expect(requests).toHaveLength(1);
  });

  it('an asctime date is UTC whatever the local zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const now = Date.UTC(1994, 10, 6, 8, 49, 27);
      expect(parseRetryAfter({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }, now)).toBe(10_000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
