import { RateLimitError } from '../errors/status-errors';
import { TaskWaitTimeoutError } from '../errors/task-wait-timeout-error';
import { delay } from '../http/delay';
import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import type { WaitForTaskOptions } from './wait-for-task-options';

/** How one read is made: `getTask`, or the provider's lighter `pollTask`. */
export type ReadTask = (options: RequestOptions) => Promise<Task>;

/**
 * The polling loop behind `waitForTask` and `watchTask`: reads until the task settles (terminal, or
 * paused when `stopOnPaused`), yielding each read that changed something. The pause grows while
 * nothing changes; a 429 (after the request's own retries) slows polling down instead of failing it.
 */
export async function* pollUntilSettled<Ref>(
  provider: TaskProvider<Ref, unknown>,
  ref: Ref,
  read: ReadTask,
  options: WaitForTaskOptions,
): AsyncGenerator<Task, Task, void> {
  const {
    intervalMs = 2_000,
    maxIntervalMs = 30_000,
    backoffFactor = 1.5,
    timeoutMs = 600_000,
    stopOnPaused = true,
    signal,
    sleep = (ms: number, abortSignal?: AbortSignal) => delay(ms, abortSignal, provider.name),
    now = Date.now,
  } = options;
  const deadline = now() + timeoutMs;
  let interval = intervalMs;
  let last: Task | undefined;
  let lastKey = '';
  const taskId = () => last?.id ?? safeFormat(provider, ref);
  const timeout = (cause?: unknown) =>
    new TaskWaitTimeoutError({ taskId: taskId(), timeoutMs, lastTask: last, cause });

  for (;;) {
    let task: Task | undefined;
    try {
      task = await read({ ...options.request, signal, deadline });
    } catch (error) {
      if (!RateLimitError.isInstance(error)) throw error;
      // Rate limited even after the request's retries: poll slower rather than fail.
      interval = Math.min(
        Math.max(interval * 2, error.retryAfterMs ?? 0),
        Math.max(maxIntervalMs, error.retryAfterMs ?? 0),
      );
      const remaining = deadline - now();
      if (remaining <= 0) throw timeout(error);
      await sleep(Math.min(interval, remaining), signal);
      continue;
    }
    const key = changeKey(task);
    if (key !== lastKey) {
      lastKey = key;
      interval = intervalMs;
      yield task;
    } else {
      interval = Math.min(interval * backoffFactor, maxIntervalMs);
    }
    last = task;
    if (task.isTerminal || (stopOnPaused && task.status === 'paused')) return task;
    const remaining = deadline - now();
    if (remaining <= 0) throw timeout();
    await sleep(Math.min(interval, remaining), signal);
  }
}

function changeKey(task: Task): string {
  return `${task.status}\u0000${task.providerStatus}\u0000${task.steps.length}\u0000${task.artifacts.length}`;
}

function safeFormat<Ref>(provider: TaskProvider<Ref, unknown>, ref: Ref): string {
  try {
    return provider.formatRef(ref);
  } catch {
    return `${provider.name}:?`;
  }
}
