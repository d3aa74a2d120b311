import { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What keeps the event loop alive, minus the test server's own side and the runner's pipes. */
export interface ResourceSnapshot {
  /** Active resources by type (`Timeout`, `Immediate`, ...), sockets and servers left out. */
  counts: Record<string, number>;
  /** Client sockets (ref'd) connected to the sandbox's port. */
  clientSockets: number;
}

const COUNTED_ELSEWHERE = new Set(['TCPSocketWrap', 'TCPServerWrap', 'PipeWrap', 'TTYWrap']);

/** The active timers and client sockets of this process, for a sandbox listening on `serverPort`. */
export function snapshotResources(serverPort: number): ResourceSnapshot {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (!COUNTED_ELSEWHERE.has(type)) counts[type] = (counts[type] ?? 0) + 1;
  }
  // `_getActiveHandles` lists ref'd handles only, like `getActiveResourcesInfo`, but gives the sockets
  // themselves, so the sandbox's server-side sockets (local port = its port) can be told apart.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  const clientSockets = handles.filter(
    (handle) => handle instanceof Socket && handle.remotePort === serverPort,
  ).length;
  return { counts, clientSockets };
}

/** What is active now and was not before (empty when nothing was left behind). */
export function leftovers(before: ResourceSnapshot, after: ResourceSnapshot): string[] {
  const extra: string[] = [];
  for (const [type, count] of Object.entries(after.counts)) {
    const added = count - (before.counts[type] ?? 0);
    if (added > 0) extra.push(`${added} ${type}`);
  }
  const sockets = after.clientSockets - before.clientSockets;
  if (sockets > 0) extra.push(`${sockets} client socket${sockets > 1 ? 's' : ''}`);
  return extra;
}

/** Polls until nothing is left behind (sockets close asynchronously), up to `withinMs`. */
export async function waitForNoLeftovers(before: ResourceSnapshot, serverPort: number, withinMs = 1_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const extra = leftovers(before, snapshotResources(serverPort));
    if (extra.length === 0 || Date.now() >= deadline) return extra;
    await sleep(10);
  }
}

/** Resolves once `condition` holds, polling every 5 ms; rejects after `withinMs`. */
export async function waitUntil(condition: () => boolean, withinMs = 5_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() >= deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
