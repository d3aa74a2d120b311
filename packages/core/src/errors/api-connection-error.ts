import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.APIConnectionError';

/** The request never got a complete answer: DNS, refused or reset connection, or a body cut off mid-way. */
export class APIConnectionError extends XError {
  readonly provider: string;
  readonly url?: string;

  constructor(args: { provider: string; message?: string; url?: string; cause?: unknown }) {
    super(args.message ?? `${args.provider}: connection error`, { cause: args.cause });
    this.provider = args.provider;
    this.url = args.url;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is APIConnectionError {
    return hasErrorMarker(value, MARKER);
  }
}
