import { isTerminalStatus } from './is-terminal-status';
import type { Task } from './task';

/** The fields a provider fills; the rest is derived or defaulted by `createTask`. */
export type TaskFields<Raw> = Omit<Task<Raw>, 'isTerminal' | 'steps' | 'artifacts' | 'metadata'> &
  Partial<Pick<Task<Raw>, 'steps' | 'artifacts' | 'metadata'>>;

/**
 * Builds a normalized `Task`: derives `isTerminal` from the status, fills `durationMs` from
 * `finishedAt - startedAt` when the vendor gave no figure, and defaults the lists to empty.
 * Fields left undefined are omitted, so `JSON.stringify` output stays clean.
 */
export function createTask<Raw>(fields: TaskFields<Raw>): Task<Raw> {
  const durationMs =
    fields.durationMs ??
    (fields.startedAt && fields.finishedAt
      ? fields.finishedAt.getTime() - fields.startedAt.getTime()
      : undefined);
  const task: Task<Raw> = {
    ...fields,
    isTerminal: isTerminalStatus(fields.status),
    durationMs: durationMs !== undefined && durationMs >= 0 ? durationMs : undefined,
    steps: fields.steps ?? [],
    artifacts: fields.artifacts ?? [],
    metadata: fields.metadata ?? {},
  };
  for (const key of Object.keys(task) as Array<keyof Task<Raw>>) {
    if (task[key] === undefined) delete task[key];
  }
  return task;
}
