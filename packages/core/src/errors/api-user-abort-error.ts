import { hasErrorMarker, registerError, XError } from './x-error';

/** The caller's `AbortSignal` fired (during a request, a backoff sleep or a polling interval). */
export class APIUserAbortError extends XError {
  static {
    registerError(APIUserAbortError, 'APIUserAbortError');
  }

  readonly provider?: string;

  constructor(args: { provider?: string; cause?: unknown } = {}) {
    super(`${args.provider ? `${args.provider}: ` : ''}request was aborted`, { cause: args.cause });
    this.provider = args.provider;
  }

  static override isInstance(value: unknown): value is APIUserAbortError {
    return hasErrorMarker(value, 'APIUserAbortError');
  }
}
