import { inspect } from 'node:util';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client';
import { createTask } from '../task/create-task';
import { APIConnectionError } from './api-connection-error';
import { APIConnectionTimeoutError } from './api-connection-timeout-error';
import { APIError } from './api-error';
import { APIUserAbortError } from './api-user-abort-error';
import { InvalidArgumentError } from './invalid-argument-error';
import { InvalidResponseError } from './invalid-response-error';
import { MissingApiKeyError } from './missing-api-key-error';
import { ResponseTooLargeError } from './response-too-large-error';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createAPIError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './status-errors';
import { TaskWaitTimeoutError } from './task-wait-timeout-error';
import { XError } from './x-error';

const BASE = 'https://errors.example.test/api';

const http = createHttpClient({
  provider: 'acme',
  packageName: '@x/acme',
  packageVersion: '1.0.0',
  apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
  baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
  defaultBaseURL: BASE,
  apiKey: 'acme-key-000',
  authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
  maxRetries: 0,
});

/** Every status class and the classes it must (and must not) be recognized as. */
const STATUS_CLASSES = [
  BadRequestError,
  AuthenticationError,
  PaymentRequiredError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
] as const;

const CASES = [
  { status: 400, type: BadRequestError, name: 'BadRequestError', retryable: false },
  { status: 401, type: AuthenticationError, name: 'AuthenticationError', retryable: false },
  { status: 402, type: PaymentRequiredError, name: 'PaymentRequiredError', retryable: false },
  { status: 403, type: PermissionDeniedError, name: 'PermissionDeniedError', retryable: false },
  { status: 404, type: NotFoundError, name: 'NotFoundError', retryable: false },
  { status: 409, type: ConflictError, name: 'ConflictError', retryable: true },
  { status: 422, type: UnprocessableEntityError, name: 'UnprocessableEntityError', retryable: false },
  { status: 429, type: RateLimitError, name: 'RateLimitError', retryable: true },
  { status: 500, type: InternalServerError, name: 'InternalServerError', retryable: true },
  { status: 502, type: InternalServerError, name: 'InternalServerError', retryable: true },
  { status: 503, type: InternalServerError, name: 'InternalServerError', retryable: true },
] as const;

/** Checks an error is exactly its class: itself, its parents, and none of its siblings. */
function expectExactly(error: unknown, type: (typeof STATUS_CLASSES)[number]) {
  expect(type.isInstance(error)).toBe(true);
  expect(APIError.isInstance(error)).toBe(true);
  expect(XError.isInstance(error)).toBe(true);
  expect(error instanceof type).toBe(true);
  expect(error instanceof Error).toBe(true);
  for (const other of STATUS_CLASSES) {
    if (other !== type) expect(other.isInstance(error), `${other.name} must not match`).toBe(false);
  }
  for (const other of [APIConnectionError, InvalidResponseError, InvalidArgumentError, APIUserAbortError]) {
    expect(other.isInstance(error)).toBe(false);
  }
}

describe('createAPIError picks the class from the status', () => {
  for (const { status, type, name, retryable } of CASES) {
    it(`${status} → ${name}`, () => {
      const error = createAPIError({
        provider: 'acme',
        status,
        vendorMessage: 'vendor words',
        headers: { 'x-request-id': 'req_1' },
        body: { detail: 'vendor words' },
        url: `${BASE}/tasks/1`,
        requestId: 'req_1',
      });
      expectExactly(error, type);
      expect(error.name).toBe(name);
      expect(error.message).toBe(`acme ${status}: vendor words`);
      expect(error.status).toBe(status);
      expect(error.provider).toBe('acme');
      expect(error.body).toEqual({ detail: 'vendor words' });
      expect(error.headers).toEqual({ 'x-request-id': 'req_1' });
      expect(error.requestId).toBe('req_1');
      expect(error.url).toBe(`${BASE}/tasks/1`);
      expect(error.isRetryable).toBe(retryable);
    });
  }

  it('504 and 599 are InternalServerError; 408 and 418 are plain retryable / non-retryable APIErrors', () => {
    expectExactly(createAPIError({ provider: 'acme', status: 504 }), InternalServerError);
    expectExactly(createAPIError({ provider: 'acme', status: 599 }), InternalServerError);
    const timeout = createAPIError({ provider: 'acme', status: 408 });
    expect(timeout.name).toBe('APIError');
    expect(timeout.isRetryable).toBe(true);
    expect(timeout.message).toBe('acme 408: Request Timeout');
    const teapot = createAPIError({ provider: 'acme', status: 418 });
    expect(teapot.isRetryable).toBe(false);
    expect(teapot.message).toBe('acme 418: HTTP 418');
    for (const type of STATUS_CLASSES) expect(type.isInstance(teapot)).toBe(false);
  });

  it('an empty or blank vendor text falls back to the status text', () => {
    expect(createAPIError({ provider: 'acme', status: 503, vendorMessage: '  ' }).message).toBe(
      'acme 503: Service Unavailable',
    );
    expect(createAPIError({ provider: 'acme', status: 402 }).message).toBe('acme 402: Payment Required');
  });
});

describe('the same classes come out of createHttpClient, per status and body shape', () => {
  const bodies: Record<number, { body: unknown; headers?: Record<string, string>; text: string }> = {
    400: { body: { detail: 'Bad task id' }, text: 'Bad task id' },
    401: { body: { error: 'Unauthorized' }, text: 'Unauthorized' },
    402: { body: { error: { code: 'credits', message: 'Out of credits' } }, text: 'Out of credits' },
    403: { body: { message: 'Forbidden for this team' }, text: 'Forbidden for this team' },
    404: { body: { detail: 'Task not found' }, text: 'Task not found' },
    409: { body: { detail: 'Task is busy' }, text: 'Task is busy' },
    422: {
      body: {
        detail: [{ loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }],
      },
      text: 'path.task_id: Input should be a valid UUID',
    },
    429: { body: { error: 'Too many requests' }, headers: { 'retry-after': '7' }, text: 'Too many requests' },
    500: { body: 'Internal failure', text: 'Internal failure' },
    502: {
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>',
      text: '502 Bad Gateway',
    },
    503: { body: '', text: 'Service Unavailable' },
  };

  for (const { status, type, name } of CASES) {
    it(`${status} → ${name} with the vendor's text, body, headers and request id`, async () => {
      const { body, headers = {}, text } = bodies[status]!;
      nock(BASE)
        .get('/tasks/t1')
        .reply(status, typeof body === 'string' ? body : JSON.stringify(body), {
          'content-type': typeof body === 'string' ? 'text/html' : 'application/json',
          'x-request-id': `req_${status}`,
          ...headers,
        });
      const error = await http.getJson('/tasks/t1').catch((caught: unknown) => caught);
      expectExactly(error, type);
      const apiError = error as APIError;
      expect(apiError.name).toBe(name);
      expect(apiError.message).toBe(`acme ${status}: ${text}`);
      expect(apiError.body).toEqual(body);
      expect(apiError.requestId).toBe(`req_${status}`);
      expect(apiError.headers['x-request-id']).toBe(`req_${status}`);
      expect(apiError.url).toBe(`${BASE}/tasks/t1`);
      if (status === 429) expect(apiError.retryAfterMs).toBe(7_000);
      else expect(apiError.retryAfterMs).toBeUndefined();
    });
  }
});

describe('isInstance without instanceof (another copy of @x/core)', () => {
  /** An error as another copy of the package would build it: other classes, same global markers. */
  function foreignError(names: string[], fields: Record<string, unknown> = {}) {
    const foreign = Object.create(Error.prototype) as Record<string | symbol, unknown>;
    Object.assign(foreign, { message: 'from the other copy', ...fields });
    for (const name of names) {
      Object.defineProperty(foreign, Symbol.for(name === '' ? 'x.sdk.error' : `x.sdk.error.${name}`), {
        value: true,
      });
    }
    return foreign;
  }

  it('recognizes every level of a foreign RateLimitError, and no sibling', () => {
    const foreign = foreignError(['', 'APIError', 'RateLimitError'], { status: 429 });
    expect(foreign instanceof RateLimitError).toBe(false);
    expect(foreign instanceof XError).toBe(false);
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(APIError.isInstance(foreign)).toBe(true);
    expect(XError.isInstance(foreign)).toBe(true);
    for (const type of STATUS_CLASSES) {
      if (type !== RateLimitError) expect(type.isInstance(foreign)).toBe(false);
    }
  });

  it('recognizes a foreign timeout as a connection error, and a foreign abort as neither', () => {
    const timeout = foreignError(['', 'APIConnectionError', 'APIConnectionTimeoutError']);
    expect(APIConnectionTimeoutError.isInstance(timeout)).toBe(true);
    expect(APIConnectionError.isInstance(timeout)).toBe(true);
    expect(APIError.isInstance(timeout)).toBe(false);
    const abort = foreignError(['', 'APIUserAbortError']);
    expect(APIUserAbortError.isInstance(abort)).toBe(true);
    expect(APIConnectionError.isInstance(abort)).toBe(false);
    expect(APIConnectionTimeoutError.isInstance(abort)).toBe(false);
  });

  it('a marker must be exactly true, on an object', () => {
    const fake = { [Symbol.for('x.sdk.error.NotFoundError')]: 'yes' };
    expect(NotFoundError.isInstance(fake)).toBe(false);
    expect(NotFoundError.isInstance({ name: 'NotFoundError', status: 404 })).toBe(false);
    expect(NotFoundError.isInstance(Object.assign(new Error('x'), { name: 'NotFoundError' }))).toBe(false);
    for (const value of [null, undefined, 0, '', 'NotFoundError', Symbol.for('x.sdk.error')]) {
      expect(XError.isInstance(value)).toBe(false);
    }
  });

  it('markers do not show when an error is printed or serialized', () => {
    const error = createAPIError({ provider: 'acme', status: 404, vendorMessage: 'gone' });
    expect(Object.keys(error)).not.toContain('x.sdk.error');
    expect(JSON.stringify(error)).not.toContain('x.sdk');
    expect(inspect(error)).not.toContain('x.sdk');
  });
});

describe('the hierarchy of the other errors', () => {
  const last = createTask({
    provider: 'acme',
    id: 'acme:1',
    status: 'running',
    providerStatus: 'busy',
    raw: {},
  });
  const table: Array<[string, XError, Array<{ isInstance(value: unknown): boolean }>]> = [
    ['APIConnectionError', new APIConnectionError({ provider: 'acme' }), [XError, APIConnectionError]],
    [
      'APIConnectionTimeoutError',
      new APIConnectionTimeoutError({ provider: 'acme', timeoutMs: 5 }),
      [XError, APIConnectionError, APIConnectionTimeoutError],
    ],
    ['APIUserAbortError', new APIUserAbortError(), [XError, APIUserAbortError]],
    [
      'InvalidArgumentError',
      new InvalidArgumentError({ argument: 'taskId', message: 'taskId must be a string' }),
      [XError, InvalidArgumentError],
    ],
    [
      'InvalidResponseError',
      new InvalidResponseError({ provider: 'acme', message: 'bad', status: 200 }),
      [XError, InvalidResponseError],
    ],
    [
      'ResponseTooLargeError',
      new ResponseTooLargeError({ provider: 'acme', status: 200, maxResponseBytes: 1 }),
      [XError, InvalidResponseError, ResponseTooLargeError],
    ],
    [
      'MissingApiKeyError',
      new MissingApiKeyError({ provider: 'acme', environmentVariableName: 'ACME_API_KEY' }),
      [XError, MissingApiKeyError],
    ],
    [
      'TaskWaitTimeoutError',
      new TaskWaitTimeoutError({ taskId: 'acme:1', timeoutMs: 10, lastTask: last }),
      [XError, TaskWaitTimeoutError],
    ],
  ];
  const every = [
    APIError,
    APIConnectionError,
    APIConnectionTimeoutError,
    APIUserAbortError,
    InvalidArgumentError,
    InvalidResponseError,
    ResponseTooLargeError,
    MissingApiKeyError,
    TaskWaitTimeoutError,
  ];

  for (const [name, error, expected] of table) {
    it(`${name} is an instance of its parents only`, () => {
      expect(error.name).toBe(name);
      for (const type of [XError, ...every]) {
        expect(type.isInstance(error), `${name} vs ${(type as { name: string }).name}`).toBe(
          expected.includes(type),
        );
      }
    });
  }

  it('messages are one line and name what matters', () => {
    expect(new APIUserAbortError().message).toBe('request was aborted');
    expect(
      new MissingApiKeyError({ provider: 'acme', environmentVariableName: 'ACME_API_KEY' }).message,
    ).toBe(
      'acme: API key is missing. Pass it as the `apiKey` option or set the ACME_API_KEY environment variable.',
    );
    const timeout = new TaskWaitTimeoutError({ taskId: 'acme:1', timeoutMs: 10, lastTask: last });
    expect(timeout.message).toBe('acme:1: not finished after 10 ms (last status: running, "busy")');
    expect(timeout.lastTask).toBe(last);
    expect(new TaskWaitTimeoutError({ taskId: 'acme:1', timeoutMs: 10 }).message).toBe(
      'acme:1: not finished after 10 ms',
    );
  });

  it('error.name survives a minifier renaming the classes', () => {
    // A minified build renames classes (`class S extends APIError`); the name must still be the real one.
    const renamed = [NotFoundError, APIConnectionTimeoutError, InvalidArgumentError, XError] as const;
    const original = renamed.map((type) => Object.getOwnPropertyDescriptor(type, 'name')!);
    try {
      for (const type of renamed) Object.defineProperty(type, 'name', { value: 'S' });
      expect(createAPIError({ provider: 'acme', status: 404 }).name).toBe('NotFoundError');
      expect(new APIConnectionTimeoutError({ provider: 'acme', timeoutMs: 1 }).name).toBe(
        'APIConnectionTimeoutError',
      );
      expect(new InvalidArgumentError({ argument: 'a', message: 'm' }).name).toBe('InvalidArgumentError');
      expect(String(createAPIError({ provider: 'acme', status: 404 }))).toBe(
        'NotFoundError: acme 404: Not Found',
      );
    } finally {
      renamed.forEach((type, index) => {
        Object.defineProperty(type, 'name', original[index]!);
      });
    }
  });

  it('the stack starts with the class name and the message', () => {
    const error = createAPIError({ provider: 'acme', status: 429, vendorMessage: 'slow down' });
    expect(error.stack?.split('\n')[0]).toBe('RateLimitError: acme 429: slow down');
  });
});
