import type { TaskStatus } from '@x/core';

/** The status words this SDK knows, lower-case. */
type KnownBrowserAIStatus =
  | 'finalized'
  | 'failed'
  | 'stopped'
  | 'awaiting'
  | 'running'
  | 'in_progress'
  | 'queued'
  | 'pending';

const STATUSES: Record<KnownBrowserAIStatus, TaskStatus> = {
  finalized: 'succeeded',
  failed: 'failed',
  stopped: 'cancelled',
  awaiting: 'paused',
  running: 'running',
  in_progress: 'running',
  queued: 'queued',
  pending: 'queued',
};

/**
 * BrowserAI's status word → `TaskStatus`. The spec documents no values, so the table is inferred:
 * - seen in the vendor's clients: `finalized` → succeeded, `failed`, `stopped` → cancelled, `awaiting` → paused;
 * - guessed, never seen (they only make the status more telling; polling goes on as for `unknown`):
 *   `running`, `in_progress` → running, `queued`, `pending` → queued;
 * - anything else, `null` or missing → unknown (polling goes on; `Task.providerStatus` keeps the word).
 *
 * Case and surrounding spaces ignored. Never throws.
 */
export function mapBrowserAIStatus(status: unknown): TaskStatus {
  const word = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(STATUSES, word) ? STATUSES[word as KnownBrowserAIStatus] : 'unknown';
}
