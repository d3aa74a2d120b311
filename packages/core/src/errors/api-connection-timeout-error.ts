import { APIConnectionError } from './api-connection-error';
import { hasErrorMarker, markError } from './x-error';

const MARKER = 'x.sdk.error.APIConnectionTimeoutError';

/** An attempt took longer than `timeoutMs` (headers and body included). */
export class APIConnectionTimeoutError extends APIConnectionError {
  readonly timeoutMs: number;

  constructor(args: { provider: string; timeoutMs: number; url?: string; cause?: unknown }) {
    super({
      provider: args.provider,
      url: args.url,
      cause: args.cause,
      message: `${args.provider}: request timed out after ${args.timeoutMs} ms`,
    });
    this.timeoutMs = args.timeoutMs;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is APIConnectionTimeoutError {
    return hasErrorMarker(value, MARKER);
  }
}
