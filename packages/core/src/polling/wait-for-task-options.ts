import type { SleepFunction } from '../http/delay';
import type { Task } from '../task/task';
import type { RequestOptions } from '../task/task-provider';

/** Options of `waitForTask` and `watchTask`. */
export interface WaitForTaskOptions {
  /** First pause between two reads. Default: 2,000 ms. */
  intervalMs?: number | undefined;
  /**
   * Longest pause; it grows by `backoffFactor` while nothing changes. At least `intervalMs` (a smaller
   * one is an `InvalidArgumentError`). Default: 30,000 ms, or `intervalMs` if longer.
   */
  maxIntervalMs?: number | undefined;
  /** Growth of the pause after a read with no change (1 keeps it fixed). Default: 1.5. */
  backoffFactor?: number | undefined;
  /**
   * Overall limit, then `TaskWaitTimeoutError` carrying the last task; a read still running then is cancelled
   * (one started in the last 2 s gets up to 2 s, once per wait: later reads share that window). Time a
   * `watchTask` consumer spends between two updates is not counted. `0`: read once. `Infinity`: no limit.
   * Default: 600,000 ms.
   */
  timeoutMs?: number | undefined;
  /** Cancels the wait at once (request, retry sleep or interval) with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /**
   * Called with the first task read and each that changed: status, vendor status, a new step or artifact,
   * or one whose text fields appeared or changed length. A promise it returns is awaited before the next
   * read, within the same limit and signal; a throw or a rejection ends the wait with that error (never an
   * unhandled rejection).
   */
  onUpdate?: ((task: Task) => unknown) | undefined;
  /** Resolve (or end the watch) on `paused` too, not only on terminal statuses. Default: true. */
  stopOnPaused?: boolean | undefined;
  /** Options for each request (per-attempt timeout, retries, headers). */
  request?: Omit<RequestOptions, 'signal'> | undefined;
  /** Test hooks: the sleep between reads and the clock. */
  sleep?: SleepFunction | undefined;
  now?: (() => number) | undefined;
}
