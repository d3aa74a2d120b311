import type { TaskClient } from '@x/core';
import type { TaskBoard } from './task-board';

/** How often and how long to poll. */
export interface WatchBoardOptions {
  /** First pause between two reads of a task, in ms. */
  intervalMs: number;
  /** Longest pause between two reads while nothing changes, in ms. */
  maxIntervalMs?: number;
  /** Give up on a task after this long, in ms (it then ends with `TaskWaitTimeoutError`). */
  timeoutMs?: number;
  /** Ctrl-C: ends every poll at once; rows not settled yet end as interrupted. */
  signal?: AbortSignal;
}

/**
 * Watches every task on the board at once through `client.watch` (one stream of updates across
 * providers), applying each update to the board until every task settled or the signal fired.
 */
export async function watchBoard(
  client: TaskClient,
  board: TaskBoard,
  options: WatchBoardOptions,
): Promise<void> {
  const { signal } = options;
  const onAbort = () => board.interrupt();
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const refs = board.rows.map((row) => row.ref);
    const updates = client.watch(refs, {
      intervalMs: options.intervalMs,
      maxIntervalMs: options.maxIntervalMs,
      timeoutMs: options.timeoutMs,
      signal,
    });
    for await (const update of updates) board.apply(update);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
