import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import { pollUntilSettled } from './poll-until-settled';
import type { WaitForTaskOptions } from './wait-for-task-options';

/**
 * Polls a task until it is terminal (or `paused`, unless `stopOnPaused: false`) and resolves with it.
 * Rejects with `TaskWaitTimeoutError` (carrying the last task seen) after `timeoutMs`, and with
 * `APIUserAbortError` as soon as `signal` aborts. When the provider has a light `pollTask` view, the
 * polling uses it and the full task is read once, at the end.
 */
export async function waitForTask<Ref, Raw>(
  provider: TaskProvider<Ref, Raw>,
  ref: Ref,
  options: WaitForTaskOptions = {},
): Promise<Task<Raw>> {
  const light = provider.pollTask?.bind(provider);
  const read = (requestOptions: RequestOptions) =>
    light ? light(ref, requestOptions) : provider.getTask(ref, requestOptions);
  const loop = pollUntilSettled(provider, ref, read, options);
  let settled: Task;
  for (;;) {
    const next = await loop.next();
    if (next.done) {
      settled = next.value;
      break;
    }
    // With a light view, the settled read is reported below, from the full task.
    const isSettled =
      next.value.isTerminal || (options.stopOnPaused !== false && next.value.status === 'paused');
    if (!light || !isSettled) options.onUpdate?.(next.value);
  }
  if (!light) return settled as Task<Raw>;
  const full = await provider.getTask(ref, { ...options.request, signal: options.signal });
  options.onUpdate?.(full);
  return full;
}
