/** Backoff settings; every field has a default. */
export interface RetryDelayOptions {
  /** First backoff delay. Default 500 ms. */
  initialDelayMs?: number;
  /** Largest backoff delay without a server hint. Default 8,000 ms. */
  maxBackoffMs?: number;
  /** Largest delay ever slept, server hints included. Default 60,000 ms. */
  maxRetryDelayMs?: number;
  /** Random source for the jitter, injectable for tests. Default `Math.random`. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt + 1`: the server's hint when it sent one (capped at
 * `maxRetryDelayMs`), else exponential backoff from `initialDelayMs` with up to 25 % jitter.
 */
export function getRetryDelay(
  attempt: number,
  hintMs: number | undefined,
  options: RetryDelayOptions = {},
): number {
  const {
    initialDelayMs = 500,
    maxBackoffMs = 8_000,
    maxRetryDelayMs = 60_000,
    random = Math.random,
  } = options;
  if (hintMs !== undefined && hintMs >= 0) return Math.min(hintMs, maxRetryDelayMs);
  const base = Math.min(initialDelayMs * 2 ** attempt, maxBackoffMs);
  return Math.min(base * (1 - random() * 0.25), maxRetryDelayMs);
}
