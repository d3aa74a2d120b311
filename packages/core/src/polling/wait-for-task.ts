import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import { pollUntilSettled } from './poll-until-settled';
import type { WaitForTaskOptions } from './wait-for-task-options';

/**
 * Polls a task until it is terminal (or `paused`, unless `stopOnPaused: false`) and resolves with it.
 * Rejects with `TaskWaitTimeoutError` (carrying the last task seen) after `timeoutMs`, and with
 * `APIUserAbortError` as soon as `signal` aborts. When the provider has a light `pollTask` view, the
 * polling uses it and the full task is read once, at the end, within the same `timeoutMs`.
 */
export async function waitForTask<Ref, Raw>(
  provider: TaskProvider<Ref, Raw>,
  ref: Ref,
  options: WaitForTaskOptions = {},
): Promise<Task<Raw>> {
  const light = provider.pollTask?.bind(provider);
  const full = (requestOptions: RequestOptions) => provider.getTask(ref, requestOptions);
  // With a light view, the polling reads it, and the full task is read once at the end, under the
  // same limit, abort and patience with rate limits as every other read.
  const loop = light
    ? pollUntilSettled(provider, ref, (requestOptions) => light(ref, requestOptions), options, full)
    : pollUntilSettled(provider, ref, full, options);
  // The loop reports each change to `onUpdate` itself (with a light view, the settled task from the
  // full read), under the same limit and signal as the reads.
  for (;;) {
    const next = await loop.next();
    if (next.done) return next.value as Task<Raw>;
  }
}
