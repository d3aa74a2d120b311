import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.APIUserAbortError';

/** The caller's `AbortSignal` fired: during a request, a backoff sleep or a polling interval. */
export class APIUserAbortError extends XError {
  readonly provider?: string;

  constructor(args: { provider?: string; cause?: unknown } = {}) {
    super(`${args.provider ? `${args.provider}: ` : ''}request was aborted`, { cause: args.cause });
    this.provider = args.provider;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is APIUserAbortError {
    return hasErrorMarker(value, MARKER);
  }
}
