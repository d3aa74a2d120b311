import type { TaskStatus } from '@x/core';
import type { AnchorTaskStatus } from './anchor-api-types';

type KnownAnchorStatus = 'queued' | 'running' | 'success' | 'failure' | 'timeout' | 'cancelled';

const KNOWN_STATUSES: ReadonlySet<string> = new Set<KnownAnchorStatus>([
  'queued',
  'running',
  'success',
  'failure',
  'timeout',
  'cancelled',
]);

/**
 * Maps Anchor's status word (execution or run) to the normalized `TaskStatus`:
 * `queued` → queued, `running` → running, `success` → succeeded, `failure` → failed,
 * `timeout` → timed_out, `cancelled` → cancelled. Case and surrounding spaces are ignored.
 * Anything else (a new word, `null`, a missing status) is `unknown`; it never throws.
 */
export function mapAnchorStatus(status: AnchorTaskStatus | null | undefined): TaskStatus {
  if (typeof status !== 'string') return 'unknown';
  const word = status.trim().toLowerCase();
  if (!isKnownAnchorStatus(word)) return 'unknown';
  switch (word) {
    case 'queued':
      return 'queued';
    case 'running':
      return 'running';
    case 'success':
      return 'succeeded';
    case 'failure':
      return 'failed';
    case 'timeout':
      return 'timed_out';
    case 'cancelled':
      return 'cancelled';
    default: {
      const exhaustive: never = word;
      return exhaustive;
    }
  }
}

function isKnownAnchorStatus(word: string): word is KnownAnchorStatus {
  return KNOWN_STATUSES.has(word);
}
