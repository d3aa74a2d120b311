import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { createTestServer, type TestServer } from '../testing';
import { assertUuid, isUuid } from './assert-uuid';
import { buildPath } from './build-path';
import { createHttpClient } from './create-http-client';
import { MAX_PATH_SEGMENT_LENGTH, validatePathSegment } from './validate-path-segment';

/** The InvalidArgumentError thrown by `run`, checked to name `argument`. */
function refusal(run: () => unknown, argument: string): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    const refused = error as InvalidArgumentError;
    expect(refused.argument).toBe(argument);
    expect(refused.message.startsWith(`${argument} must be `)).toBe(true);
    expect(refused.message).not.toMatch(/[\r\n\u0000]/);
    return refused;
  }
  throw new Error('the value was accepted');
}

const UNSAFE: Array<[string, unknown]> = [
  ['a lone slash', '/'],
  ['a slash inside', 'abc/def'],
  ['a leading slash', '/etc/passwd'],
  ['a backslash', 'abc\\def'],
  ['dot-dot', '..'],
  ['dot', '.'],
  ['dot-dot-slash', '../admin'],
  ['a question mark', 'abc?admin=1'],
  ['a bare question mark', '?'],
  ['a hash', 'abc#frag'],
  ['a percent sign', '100%'],
  ['an encoded dot-dot', '%2e%2e'],
  ['an encoded dot-dot, upper case', '%2E%2E'],
  ['an encoded slash', 'abc%2Fdef'],
  ['CR/LF', 'abc\r\nX-Injected: 1'],
  ['a lone LF', 'abc\ndef'],
  ['a tab', 'abc\tdef'],
  ['NUL', 'abc\u0000'],
  ['DEL', 'abc\u007f'],
  ['a C1 control', 'abc\u0085'],
  ['empty', ''],
  ['spaces only', '   '],
  ['whitespace only', ' \t '],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['one past the limit', 'y'.repeat(MAX_PATH_SEGMENT_LENGTH + 1)],
  ['a lone surrogate (not valid UTF-16, cannot be encoded)', 'abc\uD800def'],
  ['a lone low surrogate', '\uDC00'],
];
const NOT_STRINGS: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['NaN', Number.NaN],
  ['a boolean', true],
  ['an object', { id: 'abc' }],
  ['an array', ['abc']],
  ['a String object', new String('abc')],
  ['a bigint', 10n],
];

describe('validatePathSegment and buildPath refuse what could leave the segment', () => {
  it.each(UNSAFE)('%s', (_label, value) => {
    refusal(() => validatePathSegment(value, 'taskId'), 'taskId');
    refusal(
      () => buildPath('/v1/task/{taskId}/executions/{executionId}', { taskId: value, executionId: 'e1' }),
      'taskId',
    );
    refusal(
      () => buildPath('/v1/task/{taskId}/executions/{executionId}', { taskId: 't1', executionId: value }),
      'executionId',
    );
  });

  it.each(NOT_STRINGS)('%s', (_label, value) => {
    const error = refusal(() => buildPath('/tasks/{task_id}', { task_id: value }), 'task_id');
    expect(error.message).toMatch(/^task_id must be a string, got /);
  });

  it('describes a bad value without printing a long one back', () => {
    expect(refusal(() => validatePathSegment('x'.repeat(10_000), 'id'), 'id').message).toBe(
      `id must be at most ${MAX_PATH_SEGMENT_LENGTH} characters, got a 10000-character string`,
    );
    expect(refusal(() => validatePathSegment(null, 'id'), 'id').message).toBe(
      'id must be a string, got null',
    );
    expect(refusal(() => validatePathSegment(42, 'id'), 'id').message).toBe(
      'id must be a string, got number 42',
    );
    expect(refusal(() => validatePathSegment(undefined, 'id'), 'id').message).toBe(
      'id must be a string, got undefined',
    );
    expect(refusal(() => validatePathSegment('a/b', 'id'), 'id').message).toBe(
      'id must be free of "/", "\\", "?", "#" and "%", got "a/b"',
    );
  });

  it('the length limit is adjustable, and the limit itself is allowed', () => {
    expect(validatePathSegment('z'.repeat(MAX_PATH_SEGMENT_LENGTH), 'id')).toBe(
      'z'.repeat(MAX_PATH_SEGMENT_LENGTH),
    );
    refusal(() => validatePathSegment('abcdef', 'id', { maxLength: 5 }), 'id');
    expect(validatePathSegment('abcde', 'id', { maxLength: 5 })).toBe('abcde');
  });

  it('returns ordinary ids unchanged', () => {
    for (const id of [
      't_123',
      '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      'a b',
      '..a',
      'a..',
      '.hidden',
      'café',
      '😀',
    ]) {
      expect(validatePathSegment(id, 'id')).toBe(id);
    }
  });
});

describe('ordinary ids are encoded so the requested path is exactly the intended one', () => {
  const IDS = [
    ['plain', 'task_123', 'task_123'],
    ['a space', 'my task', 'my%20task'],
    ['a plus', 'a+b', 'a%2Bb'],
    ['query-like but safe characters', 'a&b=c;d', 'a%26b%3Dc%3Bd'],
    ['a colon and an at sign', 'anchor:x@y', 'anchor%3Ax%40y'],
    ['accented', 'café', 'caf%C3%A9'],
    ['CJK', '任务', '%E4%BB%BB%E5%8A%A1'],
    ['an emoji (surrogate pair)', '😀', '%F0%9F%98%80'],
    ['dots that are not a path step', '..a', '..a'],
    ['leading and trailing spaces', ' x ', '%20x%20'],
  ] as const;

  it.each(IDS)('%s', (_label, id, encoded) => {
    const path = buildPath('/tasks/{id}/status', { id });
    expect(path).toBe(`/tasks/${encoded}/status`);
    const url = new URL(`https://acme.example.test/api${path}`);
    expect(url.pathname).toBe(`/api/tasks/${encoded}/status`);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(decodeURIComponent(url.pathname.split('/')[3]!)).toBe(id);
  });

  it('several parameters in one template', () => {
    expect(
      buildPath('/v1/task/{taskId}/executions/{executionId}', {
        taskId: 'a b',
        executionId: 'c/d'.replace('/', '-'),
      }),
    ).toBe('/v1/task/a%20b/executions/c-d');
  });

  it('nock sees exactly the encoded path', async () => {
    const http = createHttpClient({
      provider: 'acme',
      packageName: '@x/acme',
      packageVersion: '1.0.0',
      apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
      baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
      defaultBaseURL: 'https://acme.example.test/api',
      apiKey: 'acme-key-000',
      authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
      maxRetries: 0,
    });
    nock('https://acme.example.test').get('/api/tasks/my%20task%2B1/status').reply(200, { ok: true });
    const response = await http.getJson(buildPath('/tasks/{id}/status', { id: 'my task+1' }));
    expect(response.url).toBe('https://acme.example.test/api/tasks/my%20task%2B1/status');
  });

  describe('a real server receives the raw path and decodes the same id', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer({
        routes: [
          {
            method: 'GET',
            path: '/api/tasks/:id/status',
            handler: ({ params }) => ({ status: 200, body: { id: params.id } }),
          },
        ],
      });
    });
    afterAll(async () => {
      await server.close();
    });

    it.each(IDS)('%s', async (_label, id, encoded) => {
      const http = createHttpClient({
        provider: 'acme',
        packageName: '@x/acme',
        packageVersion: '1.0.0',
        apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
        baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
        defaultBaseURL: 'https://acme.example.test',
        baseURL: `${server.url}/api`,
        apiKey: 'acme-key-000',
        authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
        maxRetries: 0,
      });
      server.clearRequests();
      const response = await http.getJson<{ id: string }>(buildPath('/tasks/{id}/status', { id }));
      expect(response.data.id).toBe(id);
      expect(server.requests.map((request) => request.path)).toEqual([`/api/tasks/${encoded}/status`]);
    });
  });
});

describe('assertUuid', () => {
  const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

  it('returns a uuid unchanged, in either case', () => {
    expect(assertUuid(UUID, 'taskId')).toBe(UUID);
    expect(assertUuid(UUID.toUpperCase(), 'taskId')).toBe(UUID.toUpperCase());
    expect(isUuid(UUID)).toBe(true);
  });

  it.each([
    ['no dashes', UUID.replaceAll('-', '')],
    ['braces', `{${UUID}}`],
    ['a trailing newline', `${UUID}\n`],
    ['a path after it', `${UUID}/../admin`],
    ['one digit short', UUID.slice(0, -1)],
    ['one digit more', `${UUID}0`],
    ['a non-hex digit', UUID.replace('3', 'g')],
    ['empty', ''],
    ['null', null],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s, naming the parameter', (_label, value) => {
    const error = refusal(() => assertUuid(value, 'executionId'), 'executionId');
    expect(error.message).toMatch(/^executionId must be a uuid \(8-4-4-4-12 hex digits\), got /);
    expect(isUuid(value)).toBe(false);
  });
});
