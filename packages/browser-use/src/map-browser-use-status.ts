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
 * `failed` → failed, `stopped` → cancelled, anything else (a newer word, `null`, missing) → unknown. Never throws.
 * `finished` means the run ended; whether it reached its goal is in `metadata` (`isSuccess`, `judgeVerdict`).
 */
export function mapBrowserUseStatus(status: BrowserUseTaskStatus | null | undefined): TaskStatus {
  return typeof status === 'string' && Object.hasOwn(STATUSES, status)
    ? STATUSES[status as KnownBrowserUseStatus]
    : 'unknown';
}
