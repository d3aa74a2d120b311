import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.InvalidResponseError';

/** A 2xx answer whose body is not the promised JSON (HTML, empty, `null`, wrong shape). The body is kept. */
export class InvalidResponseError extends XError {
  readonly provider: string;
  readonly status: number;
  readonly url?: string;
  readonly headers: Record<string, string>;
  /** The body as received (text), possibly cut to a bounded length for very large bodies. */
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
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is InvalidResponseError {
    return hasErrorMarker(value, MARKER);
  }
}
