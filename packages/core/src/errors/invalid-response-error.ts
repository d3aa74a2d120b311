import { hasErrorMarker, registerError, XError } from './x-error';

/** A 2xx answer whose body is not the promised JSON (HTML, empty, `null`, wrong shape). */
export class InvalidResponseError extends XError {
  static {
    registerError(InvalidResponseError, 'InvalidResponseError');
  }

  readonly provider: string;
  readonly status: number;
  readonly url?: string;
  readonly headers: Record<string, string>;
  /** The body text as received (a very large one cut to a bounded length). */
  readonly body: string;
  readonly requestId?: string;

  constructor(args: {
    provider: string;
    message: string;
    status: number;
    url?: string;
    headers?: Record<string, string>;
    body?: string;
    requestId?: string;
    cause?: unknown;
  }) {
    super(`${args.provider}: ${args.message}`, { cause: args.cause });
    this.provider = args.provider;
    this.status = args.status;
    this.url = args.url;
    this.headers = args.headers ?? {};
    this.body = args.body ?? '';
    this.requestId = args.requestId;
  }

  static override isInstance(value: unknown): value is InvalidResponseError {
    return hasErrorMarker(value, 'InvalidResponseError');
  }
}
