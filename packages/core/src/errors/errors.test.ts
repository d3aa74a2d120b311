import { describe, expect, it } from 'vitest';
import { APIConnectionError } from './api-connection-error';
import { APIConnectionTimeoutError } from './api-connection-timeout-error';
import { APIError, isRetryableStatus } from './api-error';
import { APIUserAbortError } from './api-user-abort-error';
import { InvalidResponseError } from './invalid-response-error';
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
import { XError } from './x-error';

describe('createAPIError', () => {
  const cases = [
    [400, BadRequestError, 'BadRequestError'],
    [401, AuthenticationError, 'AuthenticationError'],
    [402, PaymentRequiredError, 'PaymentRequiredError'],
    [403, PermissionDeniedError, 'PermissionDeniedError'],
    [404, NotFoundError, 'NotFoundError'],
    [409, ConflictError, 'ConflictError'],
    [422, UnprocessableEntityError, 'UnprocessableEntityError'],
    [429, RateLimitError, 'RateLimitError'],
    [500, InternalServerError, 'InternalServerError'],
    [502, InternalServerError, 'InternalServerError'],
    [503, InternalServerError, 'InternalServerError'],
  ] as const;
  for (const [status, errorClass, name] of cases) {
    it(`${status} → ${name}`, () => {
      const error = createAPIError({
        provider: 'demo',
        status,
        vendorMessage: 'said the vendor',
        body: { x: 1 },
      });
      expect(errorClass.isInstance(error)).toBe(true);
      expect(APIError.isInstance(error)).toBe(true);
      expect(XError.isInstance(error)).toBe(true);
      expect(error.name).toBe(name);
      expect(error.message).toBe(`demo ${status}: said the vendor`);
      expect(error.body).toEqual({ x: 1 });
      expect(error.isRetryable).toBe(isRetryableStatus(status));
    });
  }

  it('an unlisted 4xx is a plain APIError, and its message falls back to the status text', () => {
    const error = createAPIError({ provider: 'demo', status: 418 });
    expect(error.name).toBe('APIError');
    expect(NotFoundError.isInstance(error)).toBe(false);
    expect(error.message).toBe('demo 418: HTTP 418');
    expect(createAPIError({ provider: 'demo', status: 404 }).message).toBe('demo 404: Not Found');
  });

  it('sibling classes do not match each other', () => {
    const notFound = createAPIError({ provider: 'demo', status: 404 });
    expect(RateLimitError.isInstance(notFound)).toBe(false);
    expect(InvalidResponseError.isInstance(notFound)).toBe(false);
    expect(APIConnectionError.isInstance(notFound)).toBe(false);
  });
});

describe('isInstance across copies of @x/core', () => {
  it('recognizes an error made by another copy through its Symbol.for markers', () => {
    // Another copy of the package has other classes but registers the same global symbols.
    const foreign = Object.assign(new Error('from another copy'), { status: 404 });
    for (const key of ['x.sdk.error', 'x.sdk.error.APIError', 'x.sdk.error.NotFoundError']) {
      Object.defineProperty(foreign, Symbol.for(key), { value: true });
    }
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(NotFoundError.isInstance(foreign)).toBe(true);
    expect(APIError.isInstance(foreign)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(false);
  });

  it('rejects non-errors', () => {
    for (const value of [null, undefined, 42, 'NotFoundError', {}, new Error('plain')]) {
      expect(XError.isInstance(value)).toBe(false);
    }
  });
});

describe('other errors', () => {
  it('a timeout is a connection error, an abort is not', () => {
    const timeout = new APIConnectionTimeoutError({ provider: 'demo', timeoutMs: 50 });
    expect(APIConnectionError.isInstance(timeout)).toBe(true);
    expect(timeout.message).toBe('demo: request timed out after 50 ms');
    const abort = new APIUserAbortError({ provider: 'demo' });
    expect(APIConnectionError.isInstance(abort)).toBe(false);
    expect(abort.message).toBe('demo: request was aborted');
  });

  it('a too-large body is an invalid response', () => {
    const error = new ResponseTooLargeError({ provider: 'demo', status: 200, maxResponseBytes: 10 });
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toBe('demo: response body is larger than maxResponseBytes (10 bytes)');
  });

  it('JSON.stringify shows the public fields and no cause', () => {
    const error = new APIConnectionError({
      provider: 'demo',
      url: 'https://x.test/a',
      cause: new Error('inner'),
    });
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toEqual({
      name: 'APIConnectionError',
      message: 'demo: connection error',
      provider: 'demo',
      url: 'https://x.test/a',
    });
    expect((error.cause as Error).message).toBe('inner');
  });
});
