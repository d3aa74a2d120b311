import { APIError, type APIErrorArgs } from './api-error';
import { hasErrorMarker, markError } from './x-error';

// One small class per HTTP status family, named as in Stainless SDKs. Each carries its own cross-copy
// marker, so `NotFoundError.isInstance(error)` works even with two copies of @x/core installed.

const key = (name: string) => `x.sdk.error.${name}`;

/** 400 */
export class BadRequestError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('BadRequestError'));
  }
  static override isInstance(value: unknown): value is BadRequestError {
    return hasErrorMarker(value, key('BadRequestError'));
  }
}

/** 401: the key is missing, wrong or revoked. */
export class AuthenticationError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('AuthenticationError'));
  }
  static override isInstance(value: unknown): value is AuthenticationError {
    return hasErrorMarker(value, key('AuthenticationError'));
  }
}

/** 402: out of credits or plan limits. */
export class PaymentRequiredError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('PaymentRequiredError'));
  }
  static override isInstance(value: unknown): value is PaymentRequiredError {
    return hasErrorMarker(value, key('PaymentRequiredError'));
  }
}

/** 403 */
export class PermissionDeniedError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('PermissionDeniedError'));
  }
  static override isInstance(value: unknown): value is PermissionDeniedError {
    return hasErrorMarker(value, key('PermissionDeniedError'));
  }
}

/** 404 */
export class NotFoundError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('NotFoundError'));
  }
  static override isInstance(value: unknown): value is NotFoundError {
    return hasErrorMarker(value, key('NotFoundError'));
  }
}

/** 409 (retried) */
export class ConflictError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('ConflictError'));
  }
  static override isInstance(value: unknown): value is ConflictError {
    return hasErrorMarker(value, key('ConflictError'));
  }
}

/** 422: the vendor rejected a parameter (e.g. a malformed id). */
export class UnprocessableEntityError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('UnprocessableEntityError'));
  }
  static override isInstance(value: unknown): value is UnprocessableEntityError {
    return hasErrorMarker(value, key('UnprocessableEntityError'));
  }
}

/** 429 (retried; `retryAfterMs` holds the server's hint when it sent one) */
export class RateLimitError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('RateLimitError'));
  }
  static override isInstance(value: unknown): value is RateLimitError {
    return hasErrorMarker(value, key('RateLimitError'));
  }
}

/** 500 and above (retried) */
export class InternalServerError extends APIError {
  constructor(args: APIErrorArgs) {
    super(args);
    markError(this, key('InternalServerError'));
  }
  static override isInstance(value: unknown): value is InternalServerError {
    return hasErrorMarker(value, key('InternalServerError'));
  }
}

/** Builds the error class that matches a status: `NotFoundError` for 404, `APIError` for an unlisted 4xx. */
export function createAPIError(args: APIErrorArgs): APIError {
  switch (args.status) {
    case 400:
      return new BadRequestError(args);
    case 401:
      return new AuthenticationError(args);
    case 402:
      return new PaymentRequiredError(args);
    case 403:
      return new PermissionDeniedError(args);
    case 404:
      return new NotFoundError(args);
    case 409:
      return new ConflictError(args);
    case 422:
      return new UnprocessableEntityError(args);
    case 429:
      return new RateLimitError(args);
    default:
      return args.status >= 500 ? new InternalServerError(args) : new APIError(args);
  }
}
