import type { Task } from '@x/core';

/** Tasks as pretty JSON, dates as ISO strings, `raw` (the vendor's body) included. */
export function formatTasksJson(tasks: readonly Task[]): string {
  return JSON.stringify(tasks, null, 2);
}
