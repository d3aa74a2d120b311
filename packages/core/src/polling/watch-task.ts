import type { Task } from '../task/task';
import type { TaskProvider } from '../task/task-provider';
import { pollUntilSettled } from './poll-until-settled';
import type { WaitForTaskOptions } from './wait-for-task-options';

/**
 * Yields the full task on the first read and each change of status, vendor status, steps or artifacts
 * (a new one, or one whose text fields appeared or changed length);
 * ends once it is terminal (or paused, unless `stopOnPaused: false`). Breaking out stops the polling.
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
  // The loop reports each change to `onUpdate` before yielding it.
  for await (const task of loop) yield task as Task<Raw>;
}
