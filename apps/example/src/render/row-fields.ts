import type { TaskStatus } from '@x/core';
import { describeError } from '../lib/describe-error';
import type { TaskRow } from '../lib/task-board';
import { formatOutput, toOneLine } from './format-values';

/** What a row's status column says: the task's status, `error` when its watch failed, `waiting` before the first read. */
export type RowStatus = TaskStatus | 'error' | 'waiting';

export function rowStatus(row: TaskRow): RowStatus {
  if (row.error !== undefined) return 'error';
  return row.task?.status ?? 'waiting';
}

/** The status, with the vendor's own word when the normalized one is `unknown`. */
export function rowStatusText(row: TaskRow): string {
  const status = rowStatus(row);
  if (status === 'unknown' && row.task?.providerStatus)
    return `unknown (${toOneLine(row.task.providerStatus)})`;
  return status;
}

/** The "output or error" cell: the error when the watch or the task failed, else the task's output. */
export function rowOutcome(row: TaskRow): string {
  if (row.error !== undefined) return describeError(row.error);
  const task = row.task;
  const notes = row.interrupted ? ['watch interrupted'] : [];
  if (!task) return notes.join('; ');
  const failed = task.status === 'failed' || task.status === 'timed_out' || task.status === 'cancelled';
  const text = failed && task.error ? `error: ${toOneLine(task.error)}` : formatOutput(task.output);
  return [...notes, text].filter(Boolean).join('; ');
}
