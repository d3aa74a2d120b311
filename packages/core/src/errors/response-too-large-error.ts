import { InvalidResponseError } from './invalid-response-error';
import { hasErrorMarker, markError } from './x-error';

const MARKER = 'x.sdk.error.ResponseTooLargeError';

/** A body grew past `maxResponseBytes`; reading stopped there, so memory stays bounded. */
export class ResponseTooLargeError extends InvalidResponseError {
  readonly maxResponseBytes: number;

  constructor(args: {
    provider: string;
    status: number;
    maxResponseBytes: number;
    url?: string;
    headers?: Record<string, string>;
    body?: string;
    requestId?: string;
  }) {
    super({
      ...args,
      message: `response body is larger than maxResponseBytes (${args.maxResponseBytes} bytes)`,
    });
    this.maxResponseBytes = args.maxResponseBytes;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is ResponseTooLargeError {
    return hasErrorMarker(value, MARKER);
  }
}
