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
  // Same fields, same order as `{ ...fields, isTerminal, ... }`, minus the undefined ones; built by
  // assignment and copied rather than spread and `delete`d, which is several times slower and leaves
  // an object every later reader pays for.
  const all: Record<string, unknown> = Object.assign({}, fields, {
    isTerminal: isTerminalStatus(fields.status),
    durationMs: durationMs !== undefined && durationMs >= 0 ? durationMs : undefined,
    steps: fields.steps ?? [],
    artifacts: fields.artifacts ?? [],
    metadata: fields.metadata ?? {},
  });
  const task: Record<string, unknown> = {};
  for (const key in all) if (all[key] !== undefined) task[key] = all[key];
  return task as unknown as Task<Raw>;
}
