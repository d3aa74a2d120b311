import { isTerminalStatus } from './is-terminal-status';
import type { Task } from './task';

/**
 * The fields a provider fills; the rest is derived or defaulted by `createTask`. An optional field also
 * takes an explicit `undefined` (under `exactOptionalPropertyTypes` too), and is then left out.
 */
export type TaskFields<Raw> = AcceptUndefined<
  Omit<Task<Raw>, 'isTerminal' | 'steps' | 'artifacts' | 'metadata'> &
    Partial<Pick<Task<Raw>, 'steps' | 'artifacts' | 'metadata'>>
>;

/** `T` whose optional properties also take an explicit `undefined`. */
type AcceptUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/**
 * Builds a normalized `Task`: derives `isTerminal` from the status, fills `durationMs` from
 * `finishedAt - startedAt` when the vendor gave no figure, and defaults the lists to empty.
 * Fields left undefined are omitted, so `JSON.stringify` output stays clean.
 */
export function createTask<Raw>(fields: TaskFields<Raw>): Task<Raw> {
  const { startedAt, finishedAt } = fields;
  const duration =
    fields.durationMs ?? (startedAt && finishedAt ? finishedAt.getTime() - startedAt.getTime() : undefined);
  const durationMs = duration !== undefined && duration >= 0 ? duration : undefined;
  // `undefined` for a status outside `TaskStatus` (from JavaScript), then left out like any undefined field.
  const isTerminal: boolean | undefined = isTerminalStatus(fields.status);
  const steps = fields.steps ?? [];
  const artifacts = fields.artifacts ?? [];
  const metadata = fields.metadata ?? {};
  // Same fields, same order as `{ ...fields, isTerminal, durationMs, steps, artifacts, metadata }`,
  // minus the undefined ones, built in one pass by assignment: spreading (then copying or `delete`ing)
  // is several times slower and leaves an object every later reader pays for.
  const task: Record<string, unknown> = {};
  for (const key in fields) {
    // A derived field that `fields` has too takes the derived value, at the place `fields` gives it.
    const value =
      key === 'isTerminal'
        ? isTerminal
        : key === 'durationMs'
          ? durationMs
          : key === 'steps'
            ? steps
            : key === 'artifacts'
              ? artifacts
              : key === 'metadata'
                ? metadata
                : fields[key as keyof TaskFields<Raw>];
    if (value !== undefined) task[key] = value;
  }
  // The derived fields `fields` did not have come last (setting one it had keeps its place).
  if (isTerminal !== undefined) task.isTerminal = isTerminal;
  if (durationMs !== undefined) task.durationMs = durationMs;
  task.steps = steps;
  task.artifacts = artifacts;
  task.metadata = metadata;
  return task as unknown as Task<Raw>;
}
