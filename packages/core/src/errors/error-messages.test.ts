import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client';
import { extractErrorMessage } from '../http/extract-error-message';
import type { HttpClientSettings } from '../http/http-client-settings';
import { APIError } from './api-error';

/** A client whose fetch answers every request with `status` and `body` as given. */
function answering(
  status: number,
  body: string,
  contentType: string,
  overrides: Partial<HttpClientSettings> = {},
) {
  return createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
    baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
    defaultBaseURL: 'https://acme.example.test',
    apiKey: 'acme-key-000',
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    maxRetries: 0,
    fetch: async () => new Response(body, { status, headers: { 'content-type': contentType } }),
    ...overrides,
  });
}

async function messageFor(status: number, body: unknown, overrides: Partial<HttpClientSettings> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  const error = await answering(status, text, type, overrides)
    .getJson('/tasks/1')
    .catch((caught: unknown) => caught);
  expect(APIError.isInstance(error)).toBe(true);
  const { message } = error as APIError;
  expect(message).not.toMatch(/[\r\n]/);
  return message;
}

const LONG_PAGE = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>
    502 Bad Gateway
  </title><style>body { color: red }</style></head>
  <body><h1>Bad Gateway</h1>${'<p>lorem ipsum dolor sit amet</p>\n'.repeat(500)}</body>
</html>`;

describe('one readable line from the vendor text', () => {
  it.each([
    ['{detail: string}', 404, { detail: 'Task not found' }, 'acme 404: Task not found'],
    [
      '{detail: [{loc, msg, type}]}',
      422,
      {
        detail: [
          { loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' },
          { loc: ['query', 0], msg: 'Field required', type: 'missing' },
        ],
      },
      'acme 422: path.task_id: Input should be a valid UUID; query.0: Field required',
    ],
    [
      'bare {loc, msg, type}',
      422,
      { loc: ['body', 'limit'], msg: 'Input should be less than 100', type: 'less_than' },
      'acme 422: body.limit: Input should be less than 100',
    ],
    ['{error: string}', 401, { error: 'Invalid API key' }, 'acme 401: Invalid API key'],
    [
      '{error: {code, message}}',
      404,
      { error: { code: 404, message: 'Execution not found' } },
      'acme 404: Execution not found',
    ],
    ['{message}', 403, { message: 'Not allowed' }, 'acme 403: Not allowed'],
    [
      'a multi-line detail',
      400,
      { detail: 'line one\n  line two\r\nline three' },
      'acme 400: line one line two line three',
    ],
    ['plain text', 500, 'upstream timeout\nplease retry', 'acme 500: upstream timeout please retry'],
    ['an empty body', 503, '', 'acme 503: Service Unavailable'],
    ['whitespace only', 502, ' \n\t ', 'acme 502: Bad Gateway'],
    ['a JSON body with nothing useful', 500, { ok: false }, 'acme 500: Internal Server Error'],
    ['an empty detail list', 422, { detail: [] }, 'acme 422: Unprocessable Entity'],
    ['an unlisted status with no text', 418, '', 'acme 418: HTTP 418'],
  ])('%s', async (_label, status, body, expected) => {
    expect(await messageFor(status, body)).toBe(expected);
  });

  it('an HTML page gives its title, never the page', async () => {
    const message = await messageFor(502, LONG_PAGE);
    expect(message).toBe('acme 502: 502 Bad Gateway');
  });

  it('an HTML page without a title gives its heading', async () => {
    expect(
      await messageFor(503, '<html><body><h1>Service Unavailable</h1><p>Try later.</p></body></html>'),
    ).toBe('acme 503: Service Unavailable');
  });

  it('an HTML page without title or heading gives bounded text, without tags or scripts', async () => {
    const page = `<html><script>var secret = 1;</script><body>${'<div>maintenance window</div>'.repeat(200)}</body></html>`;
    const message = await messageFor(500, page);
    expect(message.startsWith('acme 500: maintenance window maintenance window')).toBe(true);
    expect(message).not.toContain('<');
    expect(message).not.toContain('secret');
    expect(message.length).toBeLessThanOrEqual('acme 500: '.length + 300);
    expect(message.endsWith('…')).toBe(true);
  });

  it('a very long plain-text body is cut to one bounded line', async () => {
    const message = await messageFor(500, 'z'.repeat(50_000));
    expect(message).toBe(`acme 500: ${'z'.repeat(299)}…`);
  });

  it('keeps the whole body on the error even when the message is short', async () => {
    const error = (await answering(502, LONG_PAGE, 'text/html')
      .getJson('/x')
      .catch((caught: unknown) => caught)) as APIError;
    expect(error.body).toBe(LONG_PAGE);
  });

  it("a vendor's own extractor is used first, and its text is cut to one line too", async () => {
    const extract = (body: unknown) => (body as { problem?: { text: string } }).problem?.text;
    expect(
      await messageFor(
        400,
        { problem: { text: 'first\nsecond' }, detail: 'ignored' },
        { extractErrorMessage: extract },
      ),
    ).toBe('acme 400: first second');
    // undefined from the vendor's extractor: the generic one answers.
    expect(await messageFor(400, { detail: 'generic' }, { extractErrorMessage: extract })).toBe(
      'acme 400: generic',
    );
  });

  it('a vendor extractor that throws on an unexpected body still gives the APIError, not a connection error', async () => {
    const extract = (body: unknown) => (body as { problem: { text: string } }).problem.text;
    let calls = 0;
    const client = answering(404, '{"detail":"Task not found"}', 'application/json', {
      extractErrorMessage: extract,
      maxRetries: 2,
      sleep: async () => {},
      fetch: async () => {
        calls++;
        return new Response('{"detail":"Task not found"}', { status: 404 });
      },
    });
    const error = await client.getJson('/x').catch((caught: unknown) => caught);
    expect(APIError.isInstance(error)).toBe(true);
    expect((error as APIError).message).toBe('acme 404: Task not found');
    expect(calls).toBe(1);
  });
});

describe('extractErrorMessage on its own', () => {
  it('prefers detail over error over message', () => {
    expect(extractErrorMessage({ message: 'm', error: 'e', detail: 'd' })).toBe('d');
    expect(extractErrorMessage({ message: 'm', error: 'e' })).toBe('e');
    expect(extractErrorMessage({ message: 'm', error: { code: 'x' } })).toBe('m');
  });

  it('reads a list of validation items at the top level', () => {
    expect(extractErrorMessage([{ loc: ['a'], msg: 'one' }, { msg: 'two' }, 'junk'])).toBe('a: one; two');
  });
});
