import { startChild } from './child-process';
import { lifecycle, type PlannedTask, type PollingSettings } from './polling-plan';
import { percentile } from './stats';
import type { Vendor } from './targets';

export interface PollingResult {
  settings: PollingSettings;
  requests: number;
  requestsByVendor: Record<string, number>;
  /** Requests a poller needs at the least to see every change watch reports (one read per visible state). */
  minimumRequests: number;
  /** Requests needed just to learn each end (one read after it, plus BrowserAI's results). */
  endOnlyRequests: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  lagMin: number;
  /** Tasks whose end the watcher never reported. */
  undetected: number;
  /** Changes the watcher reported against the visible states the tasks went through. */
  updatesSeen: number;
  updatesExpected: number;
  wallMs: number;
  peakRss: number;
  rssBefore: number;
  /** JS heap in use before the watch and after it with the last updates still held, each after a full GC. */
  heapBefore: number;
  heapAfter: number;
  statuses: Record<string, number>;
  errorCount: number;
  errors: string[];
}

interface WatchResult {
  detectedAt: Record<string, number>;
  updates: Record<string, number>;
  errors: string[];
  errorCount: number;
  statuses: Record<string, number>;
  wallMs: number;
  rssBefore: number;
  maxRss: number;
  heapBefore: number;
  heapAfter: number;
}

/**
 * 1,000 tasks (a third per vendor) scripted in the three sandboxes (one child process), watched at once
 * by another child process through createTaskClient(...).watch. Time to detection = the moment the
 * watcher got the task's last update minus the moment the sandbox switched the task to its end.
 */
export async function measurePolling(settings: PollingSettings): Promise<PollingResult> {
  const host = startChild('sandbox-host');
  const watcher = startChild('watch-child', [], ['--expose-gc']);
  try {
    const { baseURLs } = await host.next<{ baseURLs: Record<string, string> }>('ready');
    await watcher.next('ready');
    host.send({ type: 'create', settings });
    const created = await host.next<{
      tasks: PlannedTask[];
      minimumRequests: number;
      endOnlyRequests: number;
    }>('created');
    watcher.send({ type: 'start', baseURLs, tasks: created.tasks, settings });
    const watched = await watcher.next<WatchResult>('result', 180_000);
    host.send({ type: 'counts' });
    const { counts } = await host.next<{ counts: Record<Vendor, number> }>('counts');
    const lags = created.tasks
      .map((task) => (watched.detectedAt[task.ref] ?? Number.NaN) - task.endsAt)
      .filter((lag) => Number.isFinite(lag));
    const updatesExpected = created.tasks.reduce(
      (total, task) => total + lifecycle(task.vendor, settings.steps, 0).visibleStates,
      0,
    );
    const updatesSeen = Object.values(watched.updates).reduce((total, count) => total + count, 0);
    return {
      settings,
      requests: Object.values(counts).reduce((total, count) => total + count, 0),
      requestsByVendor: counts,
      minimumRequests: created.minimumRequests,
      endOnlyRequests: created.endOnlyRequests,
      lagP50: percentile(lags, 50),
      lagP99: percentile(lags, 99),
      lagMax: Math.max(...lags),
      lagMin: Math.min(...lags),
      undetected: created.tasks.length - lags.length,
      updatesSeen,
      updatesExpected,
      wallMs: watched.wallMs,
      peakRss: watched.maxRss,
      rssBefore: watched.rssBefore,
      heapBefore: watched.heapBefore,
      heapAfter: watched.heapAfter,
      statuses: watched.statuses,
      errorCount: watched.errorCount,
      errors: watched.errors,
    };
  } finally {
    await Promise.all([watcher.stop(), host.stop()]);
  }
}
