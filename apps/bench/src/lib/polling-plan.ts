import type { Vendor } from './targets';

/** What the polling benchmark asks of the sandboxes, and what it then knows about each task. */
export interface PollingSettings {
  tasks: number;
  /** Steps per task (each sandbox's `steps`). */
  steps: number;
  /** Each task's `stepMs` is drawn uniformly from this range (seeded). */
  stepMsMin: number;
  stepMsMax: number;
  /** watch options. */
  intervalMs: number;
  maxIntervalMs: number;
  /** createTaskClient's `concurrency` (requests in flight across all watched tasks). */
  concurrency: number;
  seed: number;
}

export interface PlannedTask {
  ref: string;
  vendor: Vendor;
  /** Epoch ms at which the task reaches its terminal stage. */
  endsAt: number;
}

/**
 * How each sandbox lays out a task of `steps` steps, every stage `stepMs` after the previous one
 * (read from the sandboxes' sources), and how many of those stages a watcher can tell apart (watch
 * reports a change of status, vendor status, step count or artifact count):
 * - Browser Use: created, started, one `started` stage per step, then finished: steps + 3 stages, the
 *   end at (steps + 2) * stepMs; each stage differs (status or step count).
 * - Anchor (v1 execution): queued, `steps` running stages, then success: end at (steps + 1) * stepMs;
 *   the running stages look alike, so 3 visible states.
 * - BrowserAI: `steps` running stages (results grow, but results are read only once the task ended),
 *   then finalized: end at steps * stepMs; 2 visible states, and the end costs 2 requests (task + results).
 */
export function lifecycle(vendor: Vendor, steps: number, stepMs: number) {
  switch (vendor) {
    case 'browser-use':
      return { endsAfterMs: (steps + 2) * stepMs, visibleStates: steps + 3, extraRequestsAtEnd: 0 };
    case 'anchor':
      return { endsAfterMs: (steps + 1) * stepMs, visibleStates: steps > 0 ? 3 : 2, extraRequestsAtEnd: 0 };
    case 'browserai':
      return { endsAfterMs: steps * stepMs, visibleStates: steps > 0 ? 2 : 1, extraRequestsAtEnd: 1 };
  }
}

/** A small seeded PRNG (mulberry32), so every run draws the same task durations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
