import type { TaskStatus } from '@x/core';
import type { SkyvernRunStatus } from './skyvern-api-types';

type KnownSkyvernStatus =
  | 'created'
  | 'queued'
  | 'running'
  | 'paused'
  | 'timed_out'
  | 'failed'
  | 'terminated'
  | 'completed'
  | 'canceled';

const KNOWN_STATUSES: ReadonlySet<string> = new Set<KnownSkyvernStatus>([
  'created',
  'queued',
  'running',
  'paused',
  'timed_out',
  'failed',
  'terminated',
  'completed',
  'canceled',
]);

/**
 * Maps Skyvern's `RunStatus` to the normalized `TaskStatus`:
 *
 * - `created`, `queued` → queued: accepted, not started yet;
 * - `running` → running;
 * - `paused` → paused: the run waits for a person (a workflow's human-interaction or pause block), so
 *   `waitForTask` hands it back instead of polling on;
 * - `completed` → succeeded;
 * - `failed` → failed, and `terminated` → failed too: Skyvern terminates a run when the agent decides the
 *   goal cannot be reached (a terminate criterion met, a page that blocks it); it is not a cancellation by
 *   the user, and the spec's `failure_reason` is documented "if the run failed or terminated". The word
 *   stays in `providerStatus` for whoever needs to tell the two apart;
 * - `timed_out` → timed_out;
 * - `canceled` (one `l`, Skyvern's spelling) → cancelled.
 *
 * Case and surrounding spaces are ignored. Anything else (a new word, `null`, a missing status) is
 * `unknown`; it never throws, and polling goes on.
 */
export function mapSkyvernStatus(status: SkyvernRunStatus | null | undefined): TaskStatus {
  if (typeof status !== 'string') return 'unknown';
  const word = status.trim().toLowerCase();
  if (!isKnownSkyvernStatus(word)) return 'unknown';
  switch (word) {
    case 'created':
    case 'queued':
      return 'queued';
    case 'running':
      return 'running';
    case 'paused':
      return 'paused';
    case 'completed':
      return 'succeeded';
    case 'failed':
    case 'terminated':
      return 'failed';
    case 'timed_out':
      return 'timed_out';
    case 'canceled':
      return 'cancelled';
    default: {
      const exhaustive: never = word;
      return exhaustive;
    }
  }
}

function isKnownSkyvernStatus(word: string): word is KnownSkyvernStatus {
  return KNOWN_STATUSES.has(word);
}
