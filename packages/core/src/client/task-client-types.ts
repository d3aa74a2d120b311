import type { WaitForTaskOptions } from '../polling/wait-for-task-options';
import type { Task } from '../task/task';
import type { AnyTaskProvider, RequestOptions, TaskProvider } from '../task/task-provider';

/** Options of `createTaskClient`. */
export interface TaskClientOptions {
  /** Routed to by `name`, the prefix of string references. */
  providers: readonly AnyTaskProvider[];
  /** Most requests in flight across the tasks of one `getMany`, `waitMany` or `watch`. Default: 8. */
  concurrency?: number | undefined;
}

/** One task's outcome in a many-task call: the task, or the error that ended it. */
export interface TaskOutcome {
  /** The reference as given. */
  ref: string;
  task?: Task | undefined;
  error?: unknown | undefined;
}

/** One event of `watch`: a new read of a task, or the end of its watch (`done`), with an error if it failed. */
export interface TaskUpdate {
  ref: string;
  /** The latest read of the task (the last one seen when `error` is set, if any). */
  task?: Task | undefined;
  error?: unknown | undefined;
  /** True on the last event for this reference. */
  done: boolean;
}

/** The multi-provider client: routes `"<provider>:<id>"` references to the right provider. */
export interface TaskClient {
  /** The providers it routes to (typed `unknown` in and out: narrow with `RefOf` / `RawOf` of your own). */
  readonly providers: readonly TaskProvider[];
  /** Splits a string reference into its provider and typed reference. Throws `InvalidArgumentError`. */
  resolve(ref: string): { provider: TaskProvider; ref: unknown };
  get(ref: string, options?: RequestOptions): Promise<Task>;
  wait(ref: string, options?: WaitForTaskOptions): Promise<Task>;
  /** Reads many tasks, at most `concurrency` requests in flight; one failure does not stop the others. */
  getMany(refs: readonly string[], options?: RequestOptions): Promise<TaskOutcome[]>;
  /** Waits for many tasks, at most `concurrency` requests in flight. */
  waitMany(refs: readonly string[], options?: WaitForTaskOptions): Promise<TaskOutcome[]>;
  /** Watches many tasks: one stream of updates, ending when every task settled. */
  watch(refs: string | readonly string[], options?: WaitForTaskOptions): AsyncIterable<TaskUpdate>;
}
