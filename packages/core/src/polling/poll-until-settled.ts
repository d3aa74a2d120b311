import { APIConnectionError } from '../errors/api-connection-error';
import { APIError } from '../errors/api-error';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { RateLimitError } from '../errors/status-errors';
import { TaskWaitTimeoutError } from '../errors/task-wait-timeout-error';
import { delay } from '../http/delay';
import { describeValue } from '../http/describe-value';
import { validateNumberOption, validateSignal } from '../http/validate-settings';
import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import { assertTask } from './assert-task';
import type { WaitForTaskOptions } from './wait-for-task-options';

/** The longest timer `setTimeout` keeps; a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
/** A read started just before the limit still gets this long (at most `timeoutMs`) to answer: a last look. */
const LAST_READ_GRACE_MS = 2_000;

/** How one read is made: `getTask`, or the provider's lighter `pollTask`. */
export type ReadTask = (options: RequestOptions) => Promise<Task>;

/**
 * The polling loop behind `waitForTask` and `watchTask`: reads until the task settles (terminal, or
 * paused when `stopOnPaused`), yielding each read that changed something. The pause grows while
 * nothing changes; a 429 (after the request's own retries) slows polling down instead of failing it.
 * With `finalRead` (a provider's full view after polling a light one), the settled task is read once
 * more that way, under the same limit and the same patience with rate limits, and returned.
 */
export async function* pollUntilSettled<Ref>(
  provider: TaskProvider<Ref, unknown>,
  ref: Ref,
  read: ReadTask,
  options: WaitForTaskOptions,
  finalRead?: ReadTask,
): AsyncGenerator<Task, Task, void> {
  const {
    intervalMs = 2_000,
    maxIntervalMs: maxIntervalOption,
    backoffFactor = 1.5,
    timeoutMs = 600_000,
    stopOnPaused = true,
    signal,
    sleep = (ms: number, abortSignal?: AbortSignal) => delay(ms, abortSignal, provider.name),
    now = Date.now,
  } = options;
  validateNumberOption(intervalMs, 'intervalMs', { min: 0 });
  validateNumberOption(maxIntervalOption, 'maxIntervalMs', { min: 0 });
  // Without a maxIntervalMs, a long intervalMs raises the cap to itself (the pause then stays fixed).
  const maxIntervalMs = maxIntervalOption ?? Math.max(DEFAULT_MAX_INTERVAL_MS, intervalMs);
  if (intervalMs > maxIntervalMs) {
    throw new InvalidArgumentError({
      argument: 'intervalMs',
      message: `intervalMs (${intervalMs}) must not exceed maxIntervalMs (${maxIntervalMs}), the longest pause`,
    });
  }
  validateNumberOption(backoffFactor, 'backoffFactor', { min: 1 });
  validateSignal(signal, 'signal');
  if (!(typeof timeoutMs === 'number' && timeoutMs >= 0)) {
    // NaN would poll forever without a limit; Infinity is allowed and means no limit.
    throw new InvalidArgumentError({
      argument: 'timeoutMs',
      message: `timeoutMs must be a number >= 0 (Infinity for no limit), got ${describeValue(timeoutMs)}`,
    });
  }
  /** The limit; moved later by the time a consumer holds a yielded task (that is not polling time). */
  let deadline = now() + timeoutMs;
  // The last look is at most `timeoutMs` long, except with `timeoutMs: 0`, which means "read once".
  const grace = timeoutMs > 0 ? Math.min(LAST_READ_GRACE_MS, timeoutMs) : LAST_READ_GRACE_MS;
  /** When the one grace window of this wait closes, once a read has started inside the last `grace` ms. */
  let graceEnd: number | undefined;
  let interval = intervalMs;
  let last: Task | undefined;
  let lastKey = '';
  const taskId = () => last?.id ?? safeFormat(provider, ref);
  const timeout = (cause?: unknown) =>
    new TaskWaitTimeoutError({ taskId: taskId(), timeoutMs, lastTask: last, cause });

  const aborted = () => new APIUserAbortError({ provider: provider.name, cause: signal?.reason });

  /**
   * One read, bounded by what is left of `timeoutMs` (a hung read must not stretch the wait by minutes
   * of per-request timeouts and retries): the read gets a signal that also fires at the deadline, and the
   * wait ends then even if the provider ignores its signal. A read started at the very end still gets
   * `LAST_READ_GRACE_MS` (at most `timeoutMs`), once per wait: the reads that follow it (a retry, the
   * final full read) share that window, and none starts once it has closed. An abort of the caller's
   * signal ends the read at once.
   */
  async function readWithinDeadline(readTask: ReadTask): Promise<Task> {
    const remaining = deadline - now();
    if (remaining < grace) graceEnd ??= now() + grace;
    const allowed = graceEnd === undefined ? remaining : Math.max(remaining, graceEnd - now());
    if (allowed <= 0) throw timeout(); // the limit (and its grace) has passed: no request
    const task = await withinLimit(allowed, (guardSignal) =>
      readTask({ ...options.request, signal: guardSignal, deadline }),
    );
    assertTask(task, provider.name);
    return task;
  }

  /**
   * `onUpdate(task)`, awaited when it returns a promise: the caller's signal still ends the wait at once,
   * and a promise still pending when the limit (with its grace) has passed ends it in TaskWaitTimeoutError.
   * A throw or a rejection ends the wait with that error.
   */
  async function report(task: Task): Promise<void> {
    const result: unknown = options.onUpdate?.(task);
    if (!isThenable(result)) return;
    const allowed = Math.max(deadline - now(), (graceEnd ?? deadline) - now(), grace);
    await withinLimit(allowed, () => Promise.resolve(result));
  }

  /** `run(signal)`, cut after `allowed` ms (TaskWaitTimeoutError) or by the caller's signal, whatever `run` does. */
  async function withinLimit<T>(allowed: number, run: (guardSignal: AbortSignal) => Promise<T>): Promise<T> {
    const guard = new AbortController();
    let expired = false;
    const timer =
      allowed < MAX_TIMER_MS
        ? setTimeout(() => {
            expired = true;
            guard.abort(timeout());
          }, allowed)
        : undefined;
    const forward = () => guard.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    const cut = new Promise<never>((_resolve, reject) => {
      guard.signal.addEventListener('abort', () => reject(guard.signal.reason), { once: true });
    });
    if (signal?.aborted) forward(); // aborted already (say, by an onUpdate before it returned its promise)
    cut.catch(() => {});
    try {
      return await Promise.race([run(guard.signal), cut]);
    } catch (error) {
      if (signal?.aborted) throw APIUserAbortError.isInstance(error) ? error : aborted();
      if (expired) throw timeout(); // the read was cut by the limit
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  /**
   * Reads until a read succeeds. Rate limited, or a transient failure that outlasted the request's own
   * retries: poll slower rather than fail. Rate limits never end the wait early; other transient
   * failures do after MAX_FAILED_READS reads in a row. Past the deadline, the wait ends in
   * TaskWaitTimeoutError.
   */
  async function readRidingFailures(readTask: ReadTask): Promise<Task> {
    let failedReads = 0;
    for (;;) {
      if (signal?.aborted) throw aborted(); // never a request with an aborted signal
      try {
        return await readWithinDeadline(readTask);
      } catch (error) {
        const rateLimited = RateLimitError.isInstance(error);
        if (!rateLimited && !isTransientFailure(error)) throw error;
        failedReads = rateLimited ? failedReads : failedReads + 1;
        if (failedReads > MAX_FAILED_READS) throw error;
        // A server's wait hint is honoured up to MAX_HINT_MS (or maxIntervalMs, if longer): a
        // `Retry-After: 3600` must not stop the polling for an hour.
        const hint = rateLimited
          ? Math.min(error.retryAfterMs ?? 0, Math.max(MAX_HINT_MS, maxIntervalMs))
          : 0;
        interval = Math.min(Math.max(interval * 2, hint), Math.max(maxIntervalMs, hint));
        const remaining = deadline - now();
        if (remaining <= 0) throw timeout(error);
        await sleep(Math.min(interval, remaining), signal);
      }
    }
  }

  for (;;) {
    const task = await readRidingFailures(read);
    const settled = task.isTerminal || (stopOnPaused && task.status === 'paused');
    const key = changeKey(task);
    if (key !== lastKey) {
      lastKey = key;
      interval = intervalMs;
      last = task;
      // With a final full read, the settled task is reported from that read, below.
      if (!(finalRead && settled)) await report(task);
      const heldSince = now();
      yield task;
      // The time a consumer held the task (its loop body, a slow `client.watch` reader) is not polling
      // time: the limit moves by as much.
      const held = now() - heldSince;
      deadline += held;
      if (graceEnd !== undefined) graceEnd += held;
    } else {
      interval = Math.min(interval * backoffFactor, maxIntervalMs);
    }
    last = task;
    if (settled) {
      if (!finalRead) return task;
      const full = await readRidingFailures(finalRead);
      last = full;
      await report(full);
      return full;
    }
    const remaining = deadline - now();
    if (remaining <= 0) throw timeout();
    await sleep(Math.min(interval, remaining), signal);
  }
}

/**
 * What must differ for a read to count as a change: the status words, and a fingerprint of every step
 * and artifact (so a step that gets its result, URL, actions or screenshot later counts, not only a new
 * step). Lengths stand for the texts, so the key stays small whatever the vendor sends.
 */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function changeKey(task: Task): string {
  let key = `${task.status}\u0000${task.providerStatus}`;
  for (const step of task.steps) {
    key += `\u0000${step.index}:${step.url?.length}:${step.goal?.length}:${step.evaluation?.length}:${step.memory?.length}:${step.result?.length}:${step.actions?.length}:${step.screenshotUrl?.length}`;
  }
  key += '\u0001';
  for (const artifact of task.artifacts) {
    key += `\u0000${artifact.kind}:${artifact.url?.length}:${artifact.id?.length}:${artifact.name?.length}`;
  }
  return key;
}

function safeFormat<Ref>(provider: TaskProvider<Ref, unknown>, ref: Ref): string {
  try {
    return provider.formatRef(ref);
  } catch {
    return `${provider.name}:?`;
  }
}

/** `maxIntervalMs` when it is not given (and `intervalMs` is shorter). */
const DEFAULT_MAX_INTERVAL_MS = 30_000;

/** The longest pause a 429's wait hint buys, unless `maxIntervalMs` is longer (the HTTP client's own cap). */
const MAX_HINT_MS = 60_000;

/** Failed reads in a row (each after its own retries) that a wait rides out before giving up. */
const MAX_FAILED_READS = 3;

/** 5xx, 408, 409, connection errors and per-attempt timeouts: worth another read later. */
function isTransientFailure(error: unknown): boolean {
  if (APIError.isInstance(error)) return error.isRetryable;
  return APIConnectionError.isInstance(error);
}
