import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.InvalidArgumentError';

/** A caller passed a bad value. Thrown before any request; names the parameter and what was expected. */
export class InvalidArgumentError extends XError {
  /** The parameter at fault, e.g. `taskId` or `baseURL`. */
  readonly argument: string;

  constructor(args: { argument: string; message: string; cause?: unknown }) {
    super(args.message, { cause: args.cause });
    this.argument = args.argument;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is InvalidArgumentError {
    return hasErrorMarker(value, MARKER);
  }
}
