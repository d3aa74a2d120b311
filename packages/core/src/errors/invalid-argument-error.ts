import { hasErrorMarker, registerError, XError } from './x-error';

/** A bad value from the caller, thrown before any request; the message says what was expected. */
export class InvalidArgumentError extends XError {
  static {
    registerError(InvalidArgumentError, 'InvalidArgumentError');
  }

  /** The parameter at fault, e.g. `taskId`. */
  readonly argument: string;

  constructor(args: { argument: string; message: string; cause?: unknown }) {
    super(args.message, { cause: args.cause });
    this.argument = args.argument;
  }

  static override isInstance(value: unknown): value is InvalidArgumentError {
    return hasErrorMarker(value, 'InvalidArgumentError');
  }
}
