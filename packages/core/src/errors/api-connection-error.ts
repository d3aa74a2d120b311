import { hasErrorMarker, registerError, XError } from './x-error';

/** No complete answer: DNS, refused or reset connection, or a body cut off mid-way. */
export class APIConnectionError extends XError {
  static {
    registerError(APIConnectionError, 'APIConnectionError');
  }

  readonly provider: string;
  readonly url?: string;

  constructor(args: { provider: string; message?: string; url?: string; cause?: unknown }) {
    super(args.message ?? `${args.provider}: connection error`, { cause: args.cause });
    this.provider = args.provider;
    this.url = args.url;
  }

  static override isInstance(value: unknown): value is APIConnectionError {
    return hasErrorMarker(value, 'APIConnectionError');
  }
}
