import type { TaskStatus } from '@x/core';
import type { BrowserUseTaskStatus } from './browser-use-api-types';

type KnownBrowserUseStatus = 'created' | 'started' | 'finished' | 'failed' | 'stopped';

const KNOWN: ReadonlySet<string> = new Set<KnownBrowserUseStatus>([
  'created',
  'started',
  'finished',
  'failed',
  'stopped',
]);

/**
 * Browser Use's task status → the normalized `TaskStatus`:
 * `created` → queued, `started` → running, `finished` → succeeded, `failed` → failed,
 * `stopped` → cancelled, anything else (a newer word, `null`, missing) → unknown. Never throws.
 *
 * `finished` means the agent finished its run; whether it reached its goal is in `isSuccess` and
 * `judgeVerdict`, which the task keeps in `metadata` rather than folding them into the status.
 */
export function mapBrowserUseStatus(status: BrowserUseTaskStatus | null | undefined): TaskStatus {
  if (typeof status !== 'string' || !KNOWN.has(status)) return 'unknown';
  const known = status as KnownBrowserUseStatus;
  switch (known) {
    case 'created':
      return 'queued';
    case 'started':
      return 'running';
    case 'finished':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'stopped':
      return 'cancelled';
    default: {
      const exhaustive: never = known;
      return exhaustive;
    }
  }
}
