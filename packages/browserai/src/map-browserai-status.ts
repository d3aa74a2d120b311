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

const KNOWN: ReadonlySet<string> = new Set<KnownBrowserAIStatus>([
  'finalized',
  'failed',
  'stopped',
  'awaiting',
  'running',
  'in_progress',
  'queued',
  'pending',
]);

/**
 * Maps BrowserAI's status word to the normalized `TaskStatus`. The spec documents no values, so the
 * table is inferred:
 *
 * - seen in the vendor's own clients: `finalized` → succeeded, `failed` → failed, `stopped` → cancelled,
 *   `awaiting` → paused;
 * - guessed running words (never seen; they only make the status more telling, polling goes on as for
 *   `unknown`): `running`, `in_progress` → running, `queued`, `pending` → queued;
 * - anything else, `null` or missing → unknown (polling goes on; `Task.providerStatus` keeps the word).
 *
 * Compared case-insensitively, surrounding spaces ignored. Never throws.
 */
export function mapBrowserAIStatus(status: unknown): TaskStatus {
  if (typeof status !== 'string') return 'unknown';
  const word = status.trim().toLowerCase();
  return KNOWN.has(word) ? mapKnown(word as KnownBrowserAIStatus) : 'unknown';
}

function mapKnown(word: KnownBrowserAIStatus): TaskStatus {
  switch (word) {
    case 'finalized':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'stopped':
      return 'cancelled';
    case 'awaiting':
      return 'paused';
    case 'running':
    case 'in_progress':
      return 'running';
    case 'queued':
    case 'pending':
      return 'queued';
    default: {
      const exhaustive: never = word;
      return exhaustive;
    }
  }
}
