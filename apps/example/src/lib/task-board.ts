import { APIUserAbortError, type Task, type TaskUpdate } from '@x/core';
import type { ResolvedRef } from './resolve-refs';

/** What the CLI knows about one watched task. */
export interface TaskRow {
  /** The reference as given, e.g. `browser-use:<uuid>`. */
  ref: string;
  provider: string;
  /** What the demo scripted for this task, shown beside it. */
  label?: string | undefined;
  /** The latest read of the task. */
  task?: Task;
  /** The error that ended this task's watch (a vendor error, a missing key...). */
  error?: unknown;
  /** True once this task's watch ended: settled, failed, or interrupted. */
  done: boolean;
  /** True when Ctrl-C ended the watch before the task settled. */
  interrupted: boolean;
  /** Milliseconds since the board started, when this task's watch ended. */
  endedAtMs?: number;
  /** Retryable HTTP answers met on the way, e.g. `HTTP 429 Too Many Requests, Retry-After: 1`. */
  incidents: string[];
}

/** A change on the board, for the renderers. */
export type BoardEvent =
  | { kind: 'task'; row: TaskRow }
  | { kind: 'error'; row: TaskRow }
  | { kind: 'incident'; row: TaskRow; text: string }
  | { kind: 'interrupted'; row: TaskRow };

export interface TaskBoard {
  readonly rows: readonly TaskRow[];
  /** Milliseconds since the board started, or until `row`'s watch ended. */
  elapsedMs(row?: TaskRow): number;
  /** Applies one event of `client.watch`. */
  apply(update: TaskUpdate): void;
  /** Records a retryable HTTP answer met by the task at `ref`. */
  addIncident(ref: string, text: string): void;
  /** From now on, aborts end rows as interrupted rather than failed. */
  interrupt(): void;
  readonly interrupted: boolean;
  subscribe(listener: (event: BoardEvent) => void): () => void;
}

/** The state of a watch over many tasks: one row per reference, in the order given. */
export function createTaskBoard(
  refs: readonly (Pick<ResolvedRef, 'text' | 'provider'> & { label?: string | undefined })[],
  now: () => number = Date.now,
): TaskBoard {
  const startedAt = now();
  const rows: TaskRow[] = refs.map((ref) => ({
    ref: ref.text,
    provider: ref.provider,
    label: ref.label,
    done: false,
    interrupted: false,
    incidents: [],
  }));
  const byRef = new Map(rows.map((row) => [row.ref, row]));
  const listeners = new Set<(event: BoardEvent) => void>();
  let interrupted = false;
  const emit = (event: BoardEvent) => {
    for (const listener of listeners) listener(event);
  };

  return {
    rows,
    elapsedMs: (row) => row?.endedAtMs ?? now() - startedAt,
    get interrupted() {
      return interrupted;
    },
    apply(update) {
      const row = byRef.get(update.ref);
      if (!row || row.done) return;
      const fresh = update.task !== undefined && update.task !== row.task;
      if (update.task) row.task = update.task;
      if (update.done) {
        row.done = true;
        row.endedAtMs = now() - startedAt;
      }
      if (update.error !== undefined) {
        if (interrupted && APIUserAbortError.isInstance(update.error)) {
          row.interrupted = true;
          emit({ kind: 'interrupted', row });
        } else {
          row.error = update.error;
          emit({ kind: 'error', row });
        }
      } else if (fresh || update.done) {
        emit({ kind: 'task', row });
      }
    },
    addIncident(ref, text) {
      const row = byRef.get(ref);
      if (!row) return;
      row.incidents.push(text);
      emit({ kind: 'incident', row, text });
    },
    interrupt() {
      interrupted = true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
