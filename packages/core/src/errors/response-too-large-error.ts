import { InvalidResponseError } from './invalid-response-error';
import { hasErrorMarker, registerError } from './x-error';

/** A body grew past `maxResponseBytes`; reading stopped there, so memory stays bounded. */
export class ResponseTooLargeError extends InvalidResponseError {
  static {
    registerError(ResponseTooLargeError, 'ResponseTooLargeError');
  }

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
  }

  static override isInstance(value: unknown): value is ResponseTooLargeError {
    return hasErrorMarker(value, 'ResponseTooLargeError');
  }
}
