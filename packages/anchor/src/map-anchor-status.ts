import type { TaskStatus } from '@x/core';
import type { AnchorTaskStatus } from './anchor-api-types';

type KnownAnchorStatus = 'queued' | 'running' | 'success' | 'failure' | 'timeout' | 'cancelled';

const STATUSES: Record<KnownAnchorStatus, TaskStatus> = {
  queued: 'queued',
  running: 'running',
  success: 'succeeded',
  failure: 'failed',
  timeout: 'timed_out',
  cancelled: 'cancelled',
};

/**
 * Anchor's status word (execution or run) → `TaskStatus`: `queued`, `running`, `success` → succeeded,
 * `failure` → failed, `timeout` → timed_out, `cancelled`; case and surrounding spaces ignored. Anything
 * else (a new word, `null`, missing) → unknown. Never throws.
 */
export function mapAnchorStatus(status: AnchorTaskStatus | null | undefined): TaskStatus {
  const word = typeof status === 'string' ? status.trim().toLowerCase() : '';
  return Object.hasOwn(STATUSES, word) ? STATUSES[word as KnownAnchorStatus] : 'unknown';
}
