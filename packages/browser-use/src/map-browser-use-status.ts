import type { TaskStatus } from '@x/core';
import type { BrowserUseTaskStatus } from './browser-use-api-types';

type KnownBrowserUseStatus = 'created' | 'started' | 'finished' | 'failed' | 'stopped';

const STATUSES: Record<KnownBrowserUseStatus, TaskStatus> = {
  created: 'queued',
  started: 'running',
  finished: 'succeeded',
  failed: 'failed',
  stopped: 'cancelled',
};

/**
 * Browser Use's task status → `TaskStatus`: `created` → queued, `started` → running, `finished` → succeeded,
 * `failed` → failed, `stopped` → cancelled; case and surrounding spaces ignored. Anything else (a newer word,
 * `null`, missing) → unknown. Never throws.
 * `finished` means the run ended; whether it reached its goal is in `metadata` (`isSuccess`, `judgeVerdict`).
 */
export function mapBrowserUseStatus(status: BrowserUseTaskStatus | null | undefined): TaskStatus {
  const word = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(STATUSES, word) ? STATUSES[word as KnownBrowserUseStatus] : 'unknown';
}
