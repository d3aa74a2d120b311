import { APIUserAbortError } from '../errors/api-user-abort-error';

/**
 * Sleeps `ms` milliseconds (NaN and negatives: none; at most ~24.8 days, the longest timer). An abort
 * of `signal` ends the sleep at once with `APIUserAbortError` and clears the timer, so nothing is left behind.
 */
export function delay(ms: number, signal?: AbortSignal, provider?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIUserAbortError({ provider, cause: signal.reason }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError({ provider, cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, toTimerDelay(ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The longest delay `setTimeout` holds; past it Node fires after 1 ms instead. */
const MAX_TIMER_MS = 2_147_483_647;

/** 0 for NaN and negatives; capped at ~24.8 days, so a huge wait never turns into an immediate one. */
function toTimerDelay(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

/** The shape of `delay`, for injecting a fake clock in tests. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;
