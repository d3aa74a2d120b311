import type { TaskStatus } from './task-status';

/** True for `succeeded`, `failed`, `cancelled` and `timed_out`: statuses a task never leaves. */
export function isTerminalStatus(status: TaskStatus): boolean {
  switch (status) {
    case 'succeeded':
    case 'failed':
    case 'cancelled':
    case 'timed_out':
      return true;
    case 'queued':
    case 'running':
    case 'paused':
    case 'unknown':
      return false;
    default: {
      const exhaustive: never = status;
      return exhaustive;
    }
  }
}
