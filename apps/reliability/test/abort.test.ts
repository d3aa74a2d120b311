import { type AnyTaskProvider, APIUserAbortError, type Task, waitForTask } from '@x/core';
import type { Fault } from '@x/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorClassOf } from './support/check-task';
import { ADAPTERS, getTask, type Sandbox } from './support/providers';
import { type AbortRow, createRecorder } from './support/report';
import { snapshotResources, waitForNoLeftovers, waitUntil } from './support/resources';

const recorder = createRecorder<AbortRow>('abort');
afterAll(() => recorder.flush());

const SETTLE_LIMIT_MS = 50;

interface AbortCase {
  name: string;
  faults: Fault[];
  /** The call to abort. */
  call(provider: AnyTaskProvider, ref: unknown, signal: AbortSignal): Promise<Task>;
  /** When to abort: once this holds (polled), plus `thenMs`. */
  ready(sandbox: Sandbox): boolean;
  thenMs: number;
  /** Requests the sandbox must have seen in all (no retry after the abort). */
  requests: number;
  /** Abort before the call starts. */
  preAborted?: boolean;
}

const sawRequests = (count: number) => (sandbox: Sandbox) => sandbox.server.requests.length >= count;

const CASES: AbortCase[] = [
  {
    name: 'during a request (headers 5 s away)',
    faults: [{ delayMs: 5_000 }],
    call: (provider, ref, signal) => getTask(provider, ref, { signal }),
    ready: sawRequests(1),
    thenMs: 30,
    requests: 1,
  },
  {
    name: 'during the body (stalled after 10 bytes)',
    faults: [{ stallAfterBytes: 10 }],
    call: (provider, ref, signal) => getTask(provider, ref, { signal }),
    ready: sawRequests(1),
    thenMs: 50,
    requests: 1,
  },
  {
    name: 'during a backoff sleep (503, Retry-After: 30)',
    faults: [{ status: 503, body: { error: 'busy' }, headers: { 'retry-after': '30' } }],
    call: (provider, ref, signal) => getTask(provider, ref, { signal }),
    ready: sawRequests(1),
    thenMs: 150,
    requests: 1,
  },
  {
    name: 'during a waitForTask interval (30 s)',
    faults: [],
    call: (provider, ref, signal) => waitForTask(provider, ref, { intervalMs: 30_000, signal }),
    ready: sawRequests(1),
    thenMs: 100,
    requests: 1,
  },
  {
    name: "during waitForTask's second read (headers 5 s away)",
    // The first fault changes nothing and uses up the first read; the second holds the second read.
    faults: [
      { match: { method: 'GET' }, times: 1 },
      { delayMs: 5_000, match: { method: 'GET' }, times: 1 },
    ],
    call: (provider, ref, signal) => waitForTask(provider, ref, { intervalMs: 20, signal }),
    ready: sawRequests(2),
    thenMs: 60,
    requests: 2,
  },
  {
    name: 'a signal aborted before the call',
    faults: [],
    call: (provider, ref, signal) => getTask(provider, ref, { signal }),
    ready: () => true,
    thenMs: 0,
    requests: 0,
    preAborted: true,
  },
];

describe.each(ADAPTERS)('$name: abort', (adapter) => {
  let sandbox: Sandbox;
  let port: number;
  beforeAll(async () => {
    sandbox = await adapter.createSandbox();
    port = sandbox.server.port;
    // One ordinary call first, so the pooled connection of a normal call is part of the baseline.
    await getTask(
      adapter.create({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL }),
      adapter.runningTask(sandbox),
    );
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  for (const [order, abortCase] of CASES.entries()) {
    it(abortCase.name, async () => {
      sandbox.server.clearFaults();
      sandbox.server.clearRequests();
      const provider = adapter.create({ apiKey: sandbox.apiKey, baseURL: sandbox.baseURL });
      const ref = adapter.runningTask(sandbox);
      for (const fault of abortCase.faults) sandbox.injectFault(fault);
      const before = snapshotResources(port);

      const controller = new AbortController();
      if (abortCase.preAborted) controller.abort();
      let settledAt = 0;
      const pending = abortCase.call(provider, ref, controller.signal).then(
        (task) => ({ task }),
        (error: unknown) => ({ error }),
      );
      void pending.then(() => {
        settledAt = performance.now();
      });
      await waitUntil(() => abortCase.ready(sandbox));
      if (abortCase.thenMs > 0) await new Promise((resolve) => setTimeout(resolve, abortCase.thenMs));
      const abortedAt = performance.now();
      controller.abort();
      const result = await pending;
      const settledMs = abortCase.preAborted ? 0 : Math.max(0, settledAt - abortedAt);
      const extra = await waitForNoLeftovers(before, port);

      const outcome = 'task' in result ? `Task (${result.task.status})` : errorClassOf(result.error);
      const requests = sandbox.server.requests.length;
      const problems: string[] = [];
      if (!('error' in result) || !APIUserAbortError.isInstance(result.error))
        problems.push(`${outcome}, expected APIUserAbortError`);
      if (settledMs > SETTLE_LIMIT_MS) problems.push(`settled ${Math.round(settledMs)} ms after the abort`);
      if (requests !== abortCase.requests)
        problems.push(`${requests} requests, expected ${abortCase.requests}`);
      if (extra.length > 0) problems.push(`left behind: ${extra.join(', ')}`);
      recorder.add({
        provider: adapter.name,
        order,
        case: abortCase.name,
        outcome,
        settledMs: Math.round(settledMs * 10) / 10,
        requests,
        leftovers: extra.length > 0 ? extra.join(', ') : 'nothing',
        problems,
      });
      expect(problems).toEqual([]);
    });
  }
});
