import { APIError, type APIErrorArgs } from './api-error';
import { hasErrorMarker, registerError } from './x-error';

// One small class per HTTP status family, named as in Stainless SDKs. Each carries its own cross-copy
// marker, so `NotFoundError.isInstance(error)` works even with two copies of @x/core installed.

/** 400 */
export class BadRequestError extends APIError {
  static {
    registerError(BadRequestError, 'BadRequestError');
  }
  static override isInstance(value: unknown): value is BadRequestError {
    return hasErrorMarker(value, 'BadRequestError');
  }
}

/** 401: the key is missing, wrong or revoked. */
export class AuthenticationError extends APIError {
  static {
    registerError(AuthenticationError, 'AuthenticationError');
  }
  static override isInstance(value: unknown): value is AuthenticationError {
    return hasErrorMarker(value, 'AuthenticationError');
  }
}

/** 402: out of credits or plan limits. */
export class PaymentRequiredError extends APIError {
  static {
    registerError(PaymentRequiredError, 'PaymentRequiredError');
  }
  static override isInstance(value: unknown): value is PaymentRequiredError {
    return hasErrorMarker(value, 'PaymentRequiredError');
  }
}

/** 403 */
export class PermissionDeniedError extends APIError {
  static {
    registerError(PermissionDeniedError, 'PermissionDeniedError');
  }
  static override isInstance(value: unknown): value is PermissionDeniedError {
    return hasErrorMarker(value, 'PermissionDeniedError');
  }
}

/** 404 */
export class NotFoundError extends APIError {
  static {
    registerError(NotFoundError, 'NotFoundError');
  }
  static override isInstance(value: unknown): value is NotFoundError {
    return hasErrorMarker(value, 'NotFoundError');
  }
}

/** 409 (retried) */
export class ConflictError extends APIError {
  static {
    registerError(ConflictError, 'ConflictError');
  }
  static override isInstance(value: unknown): value is ConflictError {
    return hasErrorMarker(value, 'ConflictError');
  }
}

/** 422: the vendor rejected a parameter (e.g. a malformed id). */
export class UnprocessableEntityError extends APIError {
  static {
    registerError(UnprocessableEntityError, 'UnprocessableEntityError');
  }
  static override isInstance(value: unknown): value is UnprocessableEntityError {
    return hasErrorMarker(value, 'UnprocessableEntityError');
  }
}

/** 429 (retried; `retryAfterMs`: the server's hint, if sent) */
export class RateLimitError extends APIError {
  static {
    registerError(RateLimitError, 'RateLimitError');
  }
  static override isInstance(value: unknown): value is RateLimitError {
    return hasErrorMarker(value, 'RateLimitError');
  }
}

/** 500 and above (retried) */
export class InternalServerError extends APIError {
  static {
    registerError(InternalServerError, 'InternalServerError');
  }
  static override isInstance(value: unknown): value is InternalServerError {
    return hasErrorMarker(value, 'InternalServerError');
  }
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class of a status: `NotFoundError` for 404, ..., `APIError` for an unlisted 4xx. */
export function createAPIError(args: APIErrorArgs): APIError {
  const type = BY_STATUS[args.status] ?? (args.status >= 500 ? InternalServerError : APIError);
  return new type(args);
}
