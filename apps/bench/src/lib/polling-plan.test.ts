import { createAnchor } from '@x/anchor';
import { createAnchorSandbox } from '@x/anchor/testing';
import { createBrowserUse } from '@x/browser-use';
import { createBrowserUseSandbox } from '@x/browser-use/testing';
import { createBrowserAI } from '@x/browserai';
import { createBrowserAISandbox } from '@x/browserai/testing';
import type { Task } from '@x/core';
import { afterEach, describe, expect, it } from 'vitest';
import { lifecycle, seededRandom } from './polling-plan';
import type { Vendor } from './targets';

// The polling benchmark computes each task's end time and the number of states a watcher can see from
// `lifecycle`; these tests hold that plan against the real sandboxes, with a fake clock.
const apiKey = 'sk-bench-test';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function scripted(vendor: Vendor, now: () => number, steps: number, stepMs: number) {
  if (vendor === 'browser-use') {
    const sandbox = await createBrowserUseSandbox({ apiKey, now });
    closers.push(() => sandbox.close());
    const provider = createBrowserUse({ apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const ref = sandbox.createTask({ steps, stepMs });
    return {
      read: (): Promise<Task> => provider.getTask(ref),
      requests: () => sandbox.server.countRequests(),
    };
  }
  if (vendor === 'anchor') {
    const sandbox = await createAnchorSandbox({ apiKey, now });
    closers.push(() => sandbox.close());
    const provider = createAnchor({ apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
    const ref = sandbox.createTask({ steps, stepMs });
    return {
      read: (): Promise<Task> => provider.getTask(ref),
      requests: () => sandbox.server.countRequests(),
    };
  }
  const sandbox = await createBrowserAISandbox({ apiKey, now });
  closers.push(() => sandbox.close());
  const provider = createBrowserAI({ apiKey, baseURL: sandbox.baseURL, maxRetries: 0 });
  const ref = sandbox.createTask({ steps, stepMs });
  return { read: (): Promise<Task> => provider.getTask(ref), requests: () => sandbox.server.countRequests() };
}

const changeKey = (task: Task) =>
  `${task.status}|${task.providerStatus}|${task.steps.length}|${task.artifacts.length}`;

describe.each<Vendor>(['browser-use', 'anchor', 'browserai'])('lifecycle(%s)', (vendor) => {
  it('ends exactly when the plan says, with as many visible states and requests as planned', async () => {
    const steps = 3;
    const stepMs = 100;
    let clock = 1_000_000;
    const task = await scripted(vendor, () => clock, steps, stepMs);
    const plan = lifecycle(vendor, steps, stepMs);
    const seen: string[] = [];
    let reads = 0;
    // One read in every stepMs slot, from creation to the end: every stage is seen once.
    for (let at = 0; at <= plan.endsAfterMs; at += stepMs) {
      clock = 1_000_000 + at;
      const read = await task.read();
      reads++;
      if (seen.at(-1) !== changeKey(read)) seen.push(changeKey(read));
      expect(read.isTerminal).toBe(at === plan.endsAfterMs);
    }
    clock = 1_000_000 + plan.endsAfterMs - 1;
    expect((await task.read()).isTerminal).toBe(false);
    expect(seen).toHaveLength(plan.visibleStates);
    // Each read is one request, plus BrowserAI's results read on the terminal read.
    expect(task.requests()).toBe(reads + 1 + plan.extraRequestsAtEnd);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
