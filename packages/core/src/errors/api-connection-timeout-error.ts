import { APIConnectionError } from './api-connection-error';
import { hasErrorMarker, registerError } from './x-error';

/** An attempt took longer than `timeoutMs` (headers and body included). */
export class APIConnectionTimeoutError extends APIConnectionError {
  static {
    registerError(APIConnectionTimeoutError, 'APIConnectionTimeoutError');
  }

  readonly timeoutMs: number;

  constructor(args: { provider: string; timeoutMs: number; url?: string; cause?: unknown }) {
    super({ ...args, message: `${args.provider}: request timed out after ${args.timeoutMs} ms` });
    this.timeoutMs = args.timeoutMs;
  }

  static override isInstance(value: unknown): value is APIConnectionTimeoutError {
    return hasErrorMarker(value, 'APIConnectionTimeoutError');
  }
}
