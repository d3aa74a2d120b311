import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError } from '../errors/api-connection-error';
import { APIError } from '../errors/api-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { InvalidResponseError } from '../errors/invalid-response-error';
import { MissingApiKeyError } from '../errors/missing-api-key-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { createHttpClient } from './create-http-client';
import type { FetchFunction } from './fetch-function';
import type { HttpClientSettings } from './http-client-settings';
import { redactSecret } from './redact-secret';

const BASE = 'https://acme.example.test/api/v2';
const KEY = 'acme-live-9f8e7d6c5b4a3210';
const ENV_KEY = 'ACME_UNIT_API_KEY';
const ENV_URL = 'ACME_UNIT_BASE_URL';

function client(overrides: Partial<HttpClientSettings> = {}) {
  return createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.2.3',
    apiKeyEnvironmentVariable: ENV_KEY,
    baseURLEnvironmentVariable: ENV_URL,
    defaultBaseURL: BASE,
    apiKey: KEY,
    authHeaders: (key) => ({ 'X-Acme-Key': key }),
    maxRetries: 0,
    sleep: async () => {},
    ...overrides,
  });
}

/** A fetch stub that records what it was asked and answers with `answer`. */
function recorder(answer: () => Response = () => Response.json({ ok: true })) {
  const seen: Array<{ url: string; headers: Record<string, string>; init: RequestInit | undefined }> = [];
  const fetch: FetchFunction = async (input, init) => {
    seen.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, init });
    return answer();
  };
  return { fetch, seen };
}

/** Every way an error can end up printed or logged. */
function everyRendering(error: Error): string[] {
  const cause = error.cause as Error | undefined;
  return [
    error.message,
    error.stack ?? '',
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(cause ?? ''),
    cause?.stack ?? '',
    inspect(cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify((error as { body?: unknown }).body ?? null),
    JSON.stringify((error as { headers?: unknown }).headers ?? null),
  ];
}

const expectNoKey = (error: Error, key = KEY) => {
  for (const text of everyRendering(error)) {
    expect(text).not.toContain(key);
    // not even a recognizable part of it: no 8 characters of it in a row
    for (let start = 0; start + 8 <= key.length; start++)
      expect(text).not.toContain(key.slice(start, start + 8));
  }
};

/** The error a client with this base URL throws at creation (fails the test when it is accepted). */
const refusedBaseURL = (baseURL: string) => {
  try {
    client({ baseURL });
  } catch (caught) {
    return caught as InvalidArgumentError;
  }
  throw new Error(`baseURL ${JSON.stringify(baseURL)} was accepted`);
};

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error,
  );

afterEach(() => {
  delete process.env[ENV_KEY];
  delete process.env[ENV_URL];
});

describe('the API key never shows in an error', () => {
  it('a 401 that echoes the key in its body and headers', async () => {
    nock(BASE)
      .get('/tasks/1')
      .reply(
        401,
        { detail: `Invalid key ${KEY}`, received: { 'X-Acme-Key': KEY }, [KEY]: true },
        {
          'x-echo-key': KEY,
          'www-authenticate': `Key realm="${KEY}"`,
        },
      );
    const error = await fail(client().getJson('/tasks/1'));
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme 401: Invalid key [REDACTED]');
    expectNoKey(error);
    expect((error as APIError).headers['x-echo-key']).toBe('[REDACTED]');
  });

  it('a 500 retried twice that echoes it each time', async () => {
    nock(BASE).get('/tasks/1').times(3).reply(500, `upstream said: bad key ${KEY}`, { 'x-echo-key': KEY });
    const error = await fail(client({ maxRetries: 2 }).getJson('/tasks/1'));
    expect(error.message).toBe('acme 500: upstream said: bad key [REDACTED]');
    expectNoKey(error);
  });

  it('a 2xx HTML page that quotes it', async () => {
    nock(BASE)
      .get('/tasks/1')
      .reply(200, `<html><title>Hello ${KEY}</title></html>`, { 'content-type': 'text/html' });
    const error = await fail(client().getJson('/tasks/1'));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).body).toBe('<html><title>Hello [REDACTED]</title></html>');
    expectNoKey(error);
  });

  it('a short 2xx text that is nothing but the key (the JSON parser quotes its input)', async () => {
    for (const body of [KEY, `key=${KEY}`, `{"key": ${KEY}}`]) {
      nock(BASE).get('/tasks/1').reply(200, body, { 'content-type': 'text/plain' });
      const error = await fail(client().getJson('/tasks/1'));
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expectNoKey(error);
    }
  });

  it('a too-large body, with the key across the point where reading or keeping stopped', async () => {
    // [maxResponseBytes, chunk size, where the key starts]: the key straddles the end of the chunks read,
    // or the 2,000 characters of the body kept on the error.
    for (const [maxResponseBytes, chunkSize, offset] of [
      [1_000, 996, 986],
      [5_000, 2_500, 1_990],
    ] as const) {
      const body = `${'a'.repeat(offset)}${KEY}${'b'.repeat(10_000)}`;
      const error = await fail(
        client({
          maxResponseBytes,
          fetch: async () =>
            new Response(
              new ReadableStream({
                start(controller) {
                  const bytes = new TextEncoder().encode(body);
                  for (let index = 0; index < bytes.length; index += chunkSize) {
                    controller.enqueue(bytes.subarray(index, index + chunkSize));
                  }
                  controller.close();
                },
              }),
              { status: 200, headers: { 'x-echo': KEY } },
            ),
        }).getJson('/x'),
      );
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect((error as ResponseTooLargeError).body.startsWith('a'.repeat(offset))).toBe(true);
      expectNoKey(error);
    }
  });

  it('a connection error whose cause, however deep, quotes it', async () => {
    const causes = [
      new TypeError(`fetch failed for ${KEY}`),
      new TypeError('fetch failed', { cause: new Error(`proxy rejected ${KEY}`) }),
      new TypeError('fetch failed', {
        cause: new Error('proxy error', { cause: new Error(`header X-Acme-Key: ${KEY}`) }),
      }),
      Object.assign(new TypeError('fetch failed'), { request: { headers: { 'X-Acme-Key': KEY } } }),
    ];
    for (const cause of causes) {
      const error = await fail(
        client({
          fetch: async () => {
            throw cause;
          },
        }).getJson('/x'),
      );
      expect(APIConnectionError.isInstance(error)).toBe(true);
      expectNoKey(error);
    }
  });

  it('a connection error with an innocent cause keeps it', async () => {
    const cause = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
    });
    const error = await fail(
      client({
        fetch: async () => {
          throw cause;
        },
      }).getJson('/x'),
    );
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('acme: connection error (ENOTFOUND: getaddrinfo ENOTFOUND)');
  });

  it('a key with control characters is refused without printing it', async () => {
    const evil = `${KEY}\r\nX-Injected: 1`;
    const { fetch, seen } = recorder();
    const error = await fail(client({ apiKey: evil, fetch }).getJson('/x'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect(error.message).toBe(
      'the API key from the `apiKey` option holds control characters (CR, LF, ...); it is not sent',
    );
    expectNoKey(error);
    expect(seen).toHaveLength(0);
    process.env[ENV_KEY] = `${KEY}\n`;
    const fromEnv = await fail(client({ apiKey: undefined, fetch }).getJson('/x'));
    expect(fromEnv.message).toBe(
      `the API key from the ${ENV_KEY} environment variable holds control characters (CR, LF, ...); it is not sent`,
    );
    expect(seen).toHaveLength(0);
  });

  it('a key with a character no header can carry is refused before any request, not retried', async () => {
    const { fetch, seen } = recorder();
    // A zero-width space pasted along with the key: fetch would throw "Cannot convert argument to a
    // ByteString", which must not pass for a connection error and be retried.
    const error = await fail(client({ apiKey: `${KEY}\u200b`, fetch, maxRetries: 2 }).getJson('/x'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('apiKey');
    expect(error.message).toBe(
      'the API key from the `apiKey` option holds U+200B at position 26, which no HTTP header can carry; it is not sent',
    );
    expectNoKey(error);
    process.env[ENV_KEY] = `\u2018${KEY}\u2019`;
    const fromEnv = await fail(client({ apiKey: undefined, fetch }).getJson('/x'));
    expect(fromEnv.message).toMatch(
      /^the API key from the ACME_UNIT_API_KEY environment variable holds U\+2018 at position 0,/,
    );
    expectNoKey(fromEnv);
    expect(seen).toHaveLength(0);
    // Latin-1 itself is sendable: such a key reaches the server.
    await client({ apiKey: `${KEY}\u00e9`, fetch }).getJson('/x');
    expect(seen).toHaveLength(1);
  });

  it('a 401 that echoes the key in JSON escapes (\\/ and \\u) the text alone would not show', async () => {
    const key = 'acme/live+9f8e7d6c5b4a';
    const escaped = 'acme\\/live+9f8e7d6c5b4a';
    const unicode = '\\u0061cme/live+9f8e7d6c5b4a';
    nock(BASE)
      .get('/tasks/1')
      .reply(401, `{"detail":"Invalid key ${escaped}","received":{"${unicode}":"${unicode}"}}`, {
        'content-type': 'application/json',
      });
    const error = await fail(client({ apiKey: key }).getJson('/tasks/1'));
    expect(APIError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme 401: Invalid key [REDACTED]');
    expect((error as APIError).body).toEqual({
      detail: 'Invalid key [REDACTED]',
      received: { '[REDACTED]': '[REDACTED]' },
    });
    expectNoKey(error, key);
  });

  it('a key echoed URL-encoded or HTML-escaped (message, body, headers, a redirect) is redacted', async () => {
    const key = 'sk_live/AbC+123=xyz&q<1>';
    const url = encodeURIComponent(key); // sk_live%2FAbC%2B123%3Dxyz%26q%3C1%3E
    const lowerHex = url.replace(/%[0-9A-F]{2}/g, (encoded) => encoded.toLowerCase());
    const html = 'sk_live&#x2F;AbC&#43;123=xyz&amp;q&lt;1&gt;';
    const htmlDecimal = [...key].map((character) => `&#${character.codePointAt(0)};`).join('');
    nock(BASE)
      .get('/tasks/1')
      .reply(401, `{"detail":"invalid key ${url}","html":"${html}","decimal":"${htmlDecimal}"}`, {
        'content-type': 'application/json',
        'x-echo': lowerHex,
      });
    const error = await fail(client({ apiKey: key }).getJson('/tasks/1'));
    expect(error.message).toBe('acme 401: invalid key [REDACTED]');
    expect((error as APIError).body).toEqual({
      detail: 'invalid key [REDACTED]',
      html: '[REDACTED]',
      decimal: '[REDACTED]',
    });
    expect((error as APIError).headers['x-echo']).toBe('[REDACTED]');
    expectNoKey(error, key);
    for (const text of everyRendering(error)) {
      for (const form of [url, lowerHex, html, htmlDecimal]) expect(text).not.toContain(form);
    }

    nock(BASE)
      .get('/tasks/1')
      .reply(302, '', { location: `https://login.example/?next=x&api_key=${url}` });
    const redirect = await fail(client({ apiKey: key }).getJson('/tasks/1'));
    expect(redirect.message).toBe(
      'acme 302: redirect to https://login.example/?next=x&api_key=[REDACTED] not followed',
    );
    expect(redirect.message).not.toContain(url);
  });

  it('redaction stays fast for a key with a run of backslashes (no exponential backtracking)', () => {
    const began = Date.now();
    expect(redactSecret('\\'.repeat(1_000), `${'\\'.repeat(24)}Z`)).toBe('\\'.repeat(1_000));
    // Its JSON form (each backslash doubled) is redacted whole.
    expect(redactSecret(`x Q${'\\\\'.repeat(24)}Z y`, `Q${'\\'.repeat(24)}Z`)).toBe('x [REDACTED] y');
    expect(Date.now() - began).toBeLessThan(500);
  });

  it('no start of the key in an encoded form is left where a too-large body was cut', async () => {
    const key = 'sk_live/AbC+123=xyz&q<1>';
    const encodedStart = encodeURIComponent(key).slice(0, -2);
    const body = new TextEncoder().encode(`{"detail":"${'p'.repeat(60)} ${encodedStart}`);
    // Streamed without a content-length, so the body is read up to the limit and kept.
    const { fetch } = recorder(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let at = 0; at < body.length; at += 4) controller.enqueue(body.slice(at, at + 4));
              controller.close();
            },
          }),
        ),
    );
    const large = await fail(client({ apiKey: key, maxResponseBytes: body.length - 1, fetch }).getJson('/x'));
    expect(ResponseTooLargeError.isInstance(large)).toBe(true);
    const kept = String((large as ResponseTooLargeError).body);
    expect(kept).toContain('pppp');
    // No start of the key is left, not even its plain first characters before the first escape.
    for (let length = 4; length <= key.length; length++) expect(kept).not.toContain(key.slice(0, length));
    expect(kept).not.toContain('sk_live%2F');
  });

  it('a key in JSON escapes inside a kept body (2xx not as promised, too large) or a header name', async () => {
    const key = 'acme_Live/9F8e7D6c5B4a3210';
    const escaped = '\\u0061cme_Live\\/9F8e7D6c5B4a3210';
    nock(BASE)
      .get('/tasks/1')
      .reply(200, `{"detail":"echo ${escaped}"}`, { 'content-type': 'application/json' });
    const invalid = await fail(client({ apiKey: key }).getJson('/tasks/1', { validate: () => 'not a task' }));
    expect(InvalidResponseError.isInstance(invalid)).toBe(true);
    expect((invalid as InvalidResponseError).body).toBe('{"detail":"echo [REDACTED]"}');
    expectNoKey(invalid, key);

    // Streamed, with no content-length: the body is read up to the limit and kept.
    const streamed = new TextEncoder().encode(`{"detail":"echo ${escaped}","pad":"${'x'.repeat(200)}"}`);
    const { fetch } = recorder(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let at = 0; at < streamed.length; at += 10)
                controller.enqueue(streamed.slice(at, at + 10));
              controller.close();
            },
          }),
        ),
    );
    const large = await fail(client({ apiKey: key, maxResponseBytes: 100, fetch }).getJson('/tasks/1'));
    expect(ResponseTooLargeError.isInstance(large)).toBe(true);
    expect((large as ResponseTooLargeError).body).toContain('echo [REDACTED]');
    expectNoKey(large, key);

    nock(BASE)
      .get('/tasks/1')
      .reply(401, { detail: 'no' }, { [`x-echo-${key.replace('/', '-')}`]: '1' });
    const named = await fail(client({ apiKey: key.replace('/', '-') }).getJson('/tasks/1'));
    expect(Object.keys((named as APIError).headers)).toContain('x-echo-[REDACTED]');
    expectNoKey(named, key.replace('/', '-').toLowerCase());
  });

  it('an error body with a __proto__ key keeps it as a plain key', async () => {
    nock(BASE).get('/tasks/1').reply(400, '{"__proto__":{"detail":"Spoofed"},"detail2":"real"}', {
      'content-type': 'application/json',
    });
    const error = (await fail(client().getJson('/tasks/1'))) as APIError;
    expect(error.message).toBe('acme 400: Bad Request');
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect(JSON.stringify(error.body)).toBe('{"__proto__":{"detail":"Spoofed"},"detail2":"real"}');
  });

  it('the client itself prints no key', () => {
    const http = client();
    for (const text of [String(http), JSON.stringify(http), inspect(http, { depth: 5, showHidden: true })]) {
      expect(text).not.toContain(KEY);
    }
  });
});

describe('the key and base URL: option, else environment, read at each call', () => {
  it('a missing key is reported at the first call, naming the option and the variable', async () => {
    const { fetch, seen } = recorder();
    const http = client({ apiKey: undefined, fetch }); // creating the client is fine
    const error = await fail(http.getJson('/x'));
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      `acme: API key is missing. Pass it as the \`apiKey\` option or set the ${ENV_KEY} environment variable.`,
    );
    expect((error as MissingApiKeyError).environmentVariableName).toBe(ENV_KEY);
    expect(seen).toHaveLength(0);
  });

  it('an empty or blank key counts as missing', async () => {
    process.env[ENV_KEY] = '';
    await expect(client({ apiKey: undefined }).getJson('/x')).rejects.toSatisfy(
      MissingApiKeyError.isInstance,
    );
    await expect(client({ apiKey: '  ' }).getJson('/x')).rejects.toSatisfy(MissingApiKeyError.isInstance);
  });

  it('the env key is read at each call, and the option wins over it', async () => {
    const { fetch, seen } = recorder();
    const fromEnv = client({ apiKey: undefined, fetch });
    process.env[ENV_KEY] = 'env-key-1';
    await fromEnv.getJson('/x');
    process.env[ENV_KEY] = 'env-key-2';
    await fromEnv.getJson('/x');
    await client({ apiKey: 'option-key', fetch }).getJson('/x');
    expect(seen.map((request) => request.headers['x-acme-key'])).toEqual([
      'env-key-1',
      'env-key-2',
      'option-key',
    ]);
  });

  it('the base URL: default, env (read at each call), option; trailing slashes dropped', async () => {
    const { fetch, seen } = recorder();
    const fromEnv = client({ fetch });
    await fromEnv.getJson('/tasks/1');
    process.env[ENV_URL] = 'http://127.0.0.1:9/sandbox///';
    await fromEnv.getJson('/tasks/1');
    await client({ fetch, baseURL: 'https://proxy.example.test/acme/' }).getJson('/tasks/1');
    expect(seen.map((request) => request.url)).toEqual([
      `${BASE}/tasks/1`,
      'http://127.0.0.1:9/sandbox/tasks/1',
      'https://proxy.example.test/acme/tasks/1',
    ]);
    expect(fromEnv.baseURL()).toBe('http://127.0.0.1:9/sandbox');
  });

  it.each([
    ['ftp://acme.example.test', 'an http: or https: URL'],
    ['file:///etc/passwd', 'an http: or https: URL'],
    ['javascript:alert(1)', 'an http: or https: URL'],
    ['acme.example.test/api', 'an absolute http(s) URL'],
    ['', 'a non-empty URL string'],
    ['https://acme.example.test/api?x=1', 'a URL without query or fragment'],
    ['https://acme.example.test/api#top', 'a URL without query or fragment'],
    ['https://acme.example.test/api?', 'a URL without query or fragment'],
    ['https://acme.example.test/api#', 'a URL without query or fragment'],
    ['https://user:pass@acme.example.test', 'a URL without credentials'],
    ['https://acme.example.test/\r\nX: 1', 'free of control characters'],
  ])('baseURL %j is refused at creation (%s)', (baseURL, expected) => {
    const error = refusedBaseURL(baseURL);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.argument).toBe('baseURL');
    expect(error.message.startsWith(`baseURL must be ${expected}, got `)).toBe(true);
  });

  it('never shows the credentials, query or fragment of a refused base URL', () => {
    for (const [baseURL, shown] of [
      [
        'https://bob:S3cretPw@api.acme.test/v1',
        '"https://api.acme.test/v1" (credentials, query and fragment not shown)',
      ],
      [
        'https://api.acme.test/v1?token=S3cretPw',
        '"https://api.acme.test/v1" (credentials, query and fragment not shown)',
      ],
      [
        'https://api.acme.test/v1#S3cretPw',
        '"https://api.acme.test/v1" (credentials, query and fragment not shown)',
      ],
      ['bob:S3cretPw@api.acme.test', 'a 26-character string'],
    ] as const) {
      const error = refusedBaseURL(baseURL);
      expect(error.message).toContain(`, got ${shown}`);
      for (const text of [error.message, JSON.stringify(error), inspect(error)])
        expect(text).not.toContain('S3cretPw');
    }
  });

  it('a bad base URL from the environment is refused at the call, before any request', async () => {
    const { fetch, seen } = recorder();
    process.env[ENV_URL] = 'ftp://acme.example.test';
    const error = await fail(client({ fetch }).getJson('/x'));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(ENV_URL);
    expect(error.message).toBe(`${ENV_URL} must be an http: or https: URL, got "ftp://acme.example.test"`);
    expect(seen).toHaveLength(0);
  });
});

describe('what is sent', () => {
  it('exactly accept, user-agent, the auth header and the user headers; GET; redirects not followed', async () => {
    const { fetch, seen } = recorder();
    await client({ fetch, headers: { 'x-team': 'blue' } }).getJson('/tasks/1', {
      headers: { 'x-trace': 't-1' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers).toEqual({
      accept: 'application/json',
      'user-agent': `@x/acme/1.2.3 @x/core/0.0.0-test node/${process.version}`,
      'x-acme-key': KEY,
      'x-team': 'blue',
      'x-trace': 't-1',
    });
    expect(seen[0]!.init?.method).toBe('GET');
    expect(seen[0]!.init?.redirect).toBe('manual');
    expect(seen[0]!.init?.body).toBeUndefined();
  });

  it('on the wire too (nock): no telemetry or extra headers', async () => {
    let headers: Record<string, unknown> = {};
    nock(BASE)
      .get('/tasks/1')
      .reply(function () {
        headers = this.req.headers;
        return [200, {}];
      });
    await client().getJson('/tasks/1');
    const transport = ['host', 'connection', 'accept-encoding', 'accept-language', 'sec-fetch-mode'];
    expect(
      Object.keys(headers)
        .filter((name) => !transport.includes(name))
        .sort(),
    ).toEqual(['accept', 'user-agent', 'x-acme-key']);
    expect(headers['user-agent']).toBe(`@x/acme/1.2.3 @x/core/0.0.0-test node/${process.version}`);
  });

  it('user headers override the defaults whatever their case, and per-call headers override client headers', async () => {
    const { fetch, seen } = recorder();
    await client({
      fetch,
      headers: { 'User-Agent': 'my-app/1', 'X-Team': 'blue', Accept: 'application/x' },
    }).getJson('/x', { headers: { 'x-team': 'red', 'X-ACME-KEY': 'per-call-key' } });
    const sent = new Headers(seen[0]!.init?.headers);
    expect(sent.get('user-agent')).toBe('my-app/1');
    expect(sent.get('accept')).toBe('application/x');
    expect(sent.get('x-team')).toBe('red');
    expect(sent.get('x-acme-key')).toBe('per-call-key');
  });

  it('header values with CR/LF, bad header names and non-strings are refused before any request', async () => {
    const { fetch, seen } = recorder();
    const bad: unknown[] = [
      { 'x-a': 'a\r\nb' },
      { 'x-a': 'a\nb' },
      { 'x-a': 'nul\u0000' },
      { 'bad name': 'v' },
      { 'x-a': 42 },
    ];
    for (const headers of bad) {
      expect(() => client({ fetch, headers: headers as Record<string, string> })).toThrow(
        InvalidArgumentError,
      );
      await expect(
        client({ fetch }).getJson('/x', { headers: headers as Record<string, string> }),
      ).rejects.toSatisfy(InvalidArgumentError.isInstance);
    }
    expect(seen).toHaveLength(0);
  });

  it('bad numeric settings are refused at creation, naming the setting', () => {
    for (const [setting, value] of [
      ['timeoutMs', 0],
      ['timeoutMs', Number.NaN],
      ['timeoutMs', 3_000_000_000],
      ['maxRetries', -1],
      ['maxRetries', 2.5],
      ['maxResponseBytes', 0],
      ['maxRetryDelayMs', -5],
    ] as const) {
      try {
        client({ [setting]: value });
        throw new Error(`${setting} ${value} accepted`);
      } catch (error) {
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe(setting);
      }
    }
    expect(() => client({ fetch: 'nope' as unknown as FetchFunction })).toThrow('fetch must be a function');
  });
});

/** A fetch answering `body` as a stream of `chunk`-byte pieces, so a size limit cuts it mid-way. */
const streaming =
  (body: string, chunk: number, status = 200, headers: Record<string, string> = {}): FetchFunction =>
  async () =>
    new Response(
      new ReadableStream({
        start(controller) {
          const bytes = new TextEncoder().encode(body);
          for (let offset = 0; offset < bytes.length; offset += chunk)
            controller.enqueue(bytes.subarray(offset, offset + chunk));
          controller.close();
        },
      }),
      { status, headers },
    );

describe('the API key never shows: cut bodies, validators and causes', () => {
  it('an error answer too large to keep, cut in the middle of an echoed key, keeps no part of it', async () => {
    const body = `${'a'.repeat(986)}${KEY}${'b'.repeat(5_000)}`;
    const error = await fail(
      client({ maxResponseBytes: 1_000, fetch: streaming(body, 996, 500) }).getJson('/x'),
    );
    expect(APIError.isInstance(error)).toBe(true);
    expectNoKey(error);
  });

  it('a cut that leaves 4 characters of the key, or all but one, redacts that start', async () => {
    for (const kept of [4, KEY.length - 1]) {
      const before = 'a'.repeat(1_000 - kept);
      const error = (await fail(
        client({ maxResponseBytes: 1_000, fetch: streaming(`${before}${KEY}`, 1_000) }).getJson('/x'),
      )) as ResponseTooLargeError;
      expect(ResponseTooLargeError.isInstance(error)).toBe(true);
      expect(error.body).toBe(`${before}[REDACTED]`);
    }
  });

  it('a validate message or a validate throw that quotes the key', async () => {
    const http = client({ fetch: async () => Response.json({ echo: KEY }) });
    const quoted = await fail(
      http.getJson('/x', { validate: (data) => `bad echo ${(data as { echo: string }).echo}` }),
    );
    expect(InvalidResponseError.isInstance(quoted)).toBe(true);
    expectNoKey(quoted);
    const thrown = await fail(
      http.getJson('/x', {
        validate: () => {
          throw new Error(`bad ${KEY}`);
        },
      }),
    );
    expect(InvalidResponseError.isInstance(thrown)).toBe(true);
    expectNoKey(thrown);
  });

  it('a connection failure whose cause holds the key as a property name, or in its stack only', async () => {
    const named = await fail(
      client({
        fetch: async () => {
          throw Object.assign(new TypeError('fetch failed'), { details: { [KEY]: 1 } });
        },
      }).getJson('/x'),
    );
    expect(APIConnectionError.isInstance(named)).toBe(true);
    expectNoKey(named);
    const cause = new TypeError(`fetch failed ${KEY}`);
    void cause.stack; // the stack is built now, with the key in it
    cause.message = 'fetch failed';
    const stacked = await fail(
      client({
        fetch: async () => {
          throw cause;
        },
      }).getJson('/x'),
    );
    expect(APIConnectionError.isInstance(stacked)).toBe(true);
    expectNoKey(stacked);
  });

  it('redacts secrets from 4 characters on', () => {
    expect(redactSecret('x abcd y', 'abcd')).toBe('x [REDACTED] y');
    expect(redactSecret('x abc y', 'abc')).toBe('x abc y');
  });
});

describe('settings refused before any request', () => {
  it('an explicit empty apiKey is missing; it never falls back to the environment (another account)', async () => {
    process.env[ENV_KEY] = 'env-key-123456';
    const { fetch, seen } = recorder();
    const error = await fail(client({ apiKey: '', fetch }).getJson('/x'));
    expect(MissingApiKeyError.isInstance(error)).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('an empty header name', () => {
    expect(() => client({ headers: { '': 'x' } })).toThrow(InvalidArgumentError);
  });
});
