import type { Task } from '../task/task';
import type { TaskProvider } from '../task/task-provider';
import { pollUntilSettled } from './poll-until-settled';
import type { WaitForTaskOptions } from './wait-for-task-options';

/**
 * Watches a task: an async iterable that yields the full task each time its status, vendor status,
 * steps or artifacts change (the first read included), and ends once the task is terminal (or paused,
 * unless `stopOnPaused: false`). Breaking out of the loop stops the polling.
 */
export async function* watchTask<Ref, Raw>(
  provider: TaskProvider<Ref, Raw>,
  ref: Ref,
  options: WaitForTaskOptions = {},
): AsyncGenerator<Task<Raw>, void, void> {
  const loop = pollUntilSettled(
    provider,
    ref,
    (requestOptions) => provider.getTask(ref, requestOptions),
    options,
  );
  for await (const task of loop) {
    options.onUpdate?.(task);
    yield task as Task<Raw>;
  }
}
