// Child process: watches the polling benchmark's tasks at once through createTaskClient(...).watch,
// and reports when each task's end was seen, how many updates each task gave, and the peak RSS.

import { setMaxListeners } from 'node:events';
import { createAnchor } from '@x/anchor';
import { createBrowserUse } from '@x/browser-use';
import { createBrowserAI } from '@x/browserai';
import { createTaskClient } from '@x/core';
import { BENCH_API_KEY } from '../lib/bench-setup';
import type { PlannedTask, PollingSettings } from '../lib/polling-plan';

interface StartMessage {
  type: 'start';
  baseURLs: Record<string, string>;
  tasks: PlannedTask[];
  settings: PollingSettings;
}

// watch() hangs one abort listener per watched task on a single internal signal; without this, Node
// prints a MaxListenersExceededWarning beyond 10 tasks (a warning only: nothing leaks).
setMaxListeners(100_000);

process.on('message', async (message: StartMessage) => {
  if (message.type !== 'start') return;
  const { baseURLs, tasks, settings } = message;
  const client = createTaskClient({
    providers: [
      createBrowserUse({ apiKey: BENCH_API_KEY, baseURL: baseURLs['browser-use'] }),
      createAnchor({ apiKey: BENCH_API_KEY, baseURL: baseURLs.anchor }),
      createBrowserAI({ apiKey: BENCH_API_KEY, baseURL: baseURLs.browserai }),
    ],
    concurrency: settings.concurrency,
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const last: Record<string, unknown> = {}; // the last update of each task, as an app would keep it
  const detectedAt: Record<string, number> = {};
  const updates: Record<string, number> = {};
  const errors: string[] = [];
  const statuses: Record<string, number> = {};
  const start = Date.now();
  for await (const update of client.watch(
    tasks.map((task) => task.ref),
    { intervalMs: settings.intervalMs, maxIntervalMs: settings.maxIntervalMs, timeoutMs: 120_000 },
  )) {
    if (update.task) updates[update.ref] = (updates[update.ref] ?? 0) + 1;
    last[update.ref] = update.task;
    if (update.error) errors.push(`${update.ref}: ${String(update.error)}`);
    if (update.done) {
      detectedAt[update.ref] = Date.now();
      const status = update.task?.status ?? 'error';
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  process.send?.({
    type: 'result',
    detectedAt,
    updates,
    errors: errors.slice(0, 5),
    errorCount: errors.length,
    statuses,
    wallMs: Date.now() - start,
    rssBefore,
    maxRss,
    heapBefore,
    heapAfter,
    tasksKept: Object.keys(last).length,
  });
});
process.send?.({ type: 'ready' });
