import { APIUserAbortError } from '../errors/api-user-abort-error';

/**
 * Sleeps `ms` milliseconds. An abort of `signal` ends the sleep at once with `APIUserAbortError`
 * and clears the timer, so nothing is left behind.
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
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The shape of `delay`, for injecting a fake clock in tests. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;
