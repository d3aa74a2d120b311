import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.APIError';

/** What every HTTP error answer carries. */
export interface APIErrorArgs {
  provider: string;
  status: number;
  /** The vendor's own error text, already cut to one line; the status text is used when absent. */
  vendorMessage?: string;
  headers?: Record<string, string>;
  /** Parsed JSON body when it was JSON, else the body text. */
  body?: unknown;
  url?: string;
  requestId?: string;
  /** Server hint for the next attempt, from `retry-after-ms`, `retry-after` or the body. */
  retryAfterMs?: number;
}

/**
 * The vendor answered with a non-2xx status. The message is one line: provider, status and the
 * vendor's own error text (`detail`, `error.message`, `error`, ...). The whole body is in `body`.
 */
export class APIError extends XError {
  readonly provider: string;
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** Parsed JSON body when it was JSON, else the body text. Never lost. */
  readonly body: unknown;
  readonly url?: string;
  /** The vendor's request id (`x-request-id` and similar headers), for support tickets. */
  readonly requestId?: string;
  /** Server hint for the next attempt in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  /** True for the statuses this SDK retries: 408, 409, 429 and 5xx. */
  readonly isRetryable: boolean;

  constructor(args: APIErrorArgs) {
    const text = args.vendorMessage?.trim() || statusText(args.status);
    super(`${args.provider} ${args.status}: ${text}`);
    this.provider = args.provider;
    this.status = args.status;
    this.headers = args.headers ?? {};
    this.body = args.body;
    this.url = args.url;
    this.requestId = args.requestId;
    this.retryAfterMs = args.retryAfterMs;
    this.isRetryable = isRetryableStatus(args.status);
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is APIError {
    return hasErrorMarker(value, MARKER);
  }
}

/** 408, 409, 429 and 5xx are worth another attempt; other 4xx never are. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}
