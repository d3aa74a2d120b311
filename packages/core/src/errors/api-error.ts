import { hasErrorMarker, registerError, XError } from './x-error';

/** What every HTTP error answer carries. */
export interface APIErrorArgs {
  provider: string;
  status: number;
  /** The vendor's error text, one line; the status text when absent. */
  vendorMessage?: string;
  headers?: Record<string, string>;
  /** Parsed JSON body when it was JSON, else the body text. */
  body?: unknown;
  url?: string;
  requestId?: string;
  /** Wait hint in ms, from `retry-after-ms`, `retry-after` or the body. */
  retryAfterMs?: number;
}

/** A non-2xx answer. One-line message: provider, status, the vendor's error text (`detail`, `error.message`, `error`, ...). */
export class APIError extends XError {
  static {
    registerError(APIError, 'APIError');
  }

  readonly provider: string;
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** Parsed JSON body when it was JSON, else the body text. */
  readonly body: unknown;
  readonly url?: string;
  /** From `x-request-id` and similar headers, for support tickets. */
  readonly requestId?: string;
  /** The server's wait hint in ms, when it sent one. */
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
  }

  static override isInstance(value: unknown): value is APIError {
    return hasErrorMarker(value, 'APIError');
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
