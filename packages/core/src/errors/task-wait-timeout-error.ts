import type { Task } from '../task/task';
import { hasErrorMarker, registerError, XError } from './x-error';

/** `waitForTask` gave up after `timeoutMs`; `lastTask` is the last task read, if any. */
export class TaskWaitTimeoutError extends XError {
  static {
    registerError(TaskWaitTimeoutError, 'TaskWaitTimeoutError');
  }

  readonly taskId: string;
  readonly timeoutMs: number;
  readonly lastTask?: Task;

  constructor(args: { taskId: string; timeoutMs: number; lastTask?: Task; cause?: unknown }) {
    const last = args.lastTask
      ? ` (last status: ${args.lastTask.status}, "${args.lastTask.providerStatus}")`
      : '';
    // A settled last task means the wait saw the end but could not read the full task in time.
    super(
      args.lastTask?.isTerminal
        ? `${args.taskId}: finished${last}, but the full task was not read within ${args.timeoutMs} ms`
        : `${args.taskId}: not finished after ${args.timeoutMs} ms${last}`,
      { cause: args.cause },
    );
    this.taskId = args.taskId;
    this.timeoutMs = args.timeoutMs;
    this.lastTask = args.lastTask;
  }

  static override isInstance(value: unknown): value is TaskWaitTimeoutError {
    return hasErrorMarker(value, 'TaskWaitTimeoutError');
  }
}
