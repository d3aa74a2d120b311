/**
 * The normalized status of a task, the same for every vendor.
 *
 * - `queued`: accepted, not started.
 * - `running`: the agent is working.
 * - `paused`: the run waits for a person or for more instructions (BrowserAI `awaiting`).
 * - `succeeded`, `failed`, `cancelled`, `timed_out`: terminal.
 * - `unknown`: the vendor sent a word this SDK does not know; `Task.providerStatus` keeps it and polling goes on.
 */
export type TaskStatus =
  | 'queued'
  | 'running'
  | 'paused'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'timed_out'
  | 'unknown';

/** Every normalized status, in lifecycle order. */
export const TASK_STATUSES: readonly TaskStatus[] = Object.freeze([
  'queued',
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'unknown',
]);

/** The statuses a task never leaves. */
export const TERMINAL_STATUSES: readonly TaskStatus[] = Object.freeze([
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
]);
