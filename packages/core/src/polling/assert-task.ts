import { describeValue } from '../http/describe-value';
import type { Task } from '../task/task';

/**
 * Throws a `TypeError` naming the provider unless `value` looks like a `Task` (an object with a string
 * `status` and a `steps` array): a provider that resolves with anything else is a bug in that provider,
 * better named here than met later as "cannot read properties of null".
 */
export function assertTask(value: unknown, provider: string): asserts value is Task {
  const task = value as Partial<Task> | null;
  if (
    task !== null &&
    typeof task === 'object' &&
    typeof task.status === 'string' &&
    Array.isArray(task.steps)
  ) {
    return;
  }
  throw new TypeError(`${provider}: getTask resolved with ${describeValue(value)}, not a Task`);
}
