import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { RateLimitError } from '../errors/status-errors';
import { TaskWaitTimeoutError } from '../errors/task-wait-timeout-error';
import { createTask } from '../task/create-task';
import type { Task } from '../task/task';
import type { TaskProvider } from '../task/task-provider';
import { createFakeProvider } from './fake-provider.test-helper';
import { waitForTask } from './wait-for-task';
import { watchTask } from './watch-task';

/** A fake clock: sleeping moves it forward at once. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('waitForTask', () => {
  it('polls until terminal, reports changes only, and backs off the interval while nothing changes', async () => {
    const { provider } = createFakeProvider('demo', {
      t1: [
        { status: 'queued' },
        { status: 'queued' },
        { status: 'queued' },
        { status: 'running' },
        { status: 'succeeded' },
      ],
    });
    const time = fakeTime();
    const updates: string[] = [];
    const task = await waitForTask(provider, 't1', {
      intervalMs: 100,
      backoffFactor: 2,
      maxIntervalMs: 300,
      onUpdate: (update) => updates.push(update.status),
      ...time,
    });
    expect(task.status).toBe('succeeded');
    expect(updates).toEqual(['queued', 'running', 'succeeded']);
    expect(time.sleeps).toEqual([100, 200, 300, 100]);
  });

  it('resolves on paused, and keeps going past it with stopOnPaused: false', async () => {
    const scripts = {
      t: [{ status: 'running' as const }, { status: 'paused' as const }, { status: 'failed' as const }],
    };
    expect((await waitForTask(createFakeProvider('d', scripts).provider, 't', fakeTime())).status).toBe(
      'paused',
    );
    expect(
      (
        await waitForTask(createFakeProvider('d', scripts).provider, 't', {
          ...fakeTime(),
          stopOnPaused: false,
        })
      ).status,
    ).toBe('failed');
  });

  it('keeps polling through unknown statuses', async () => {
    const { provider } = createFakeProvider('d', {
      t: [{ status: 'unknown' }, { status: 'unknown' }, { status: 'cancelled' }],
    });
    expect((await waitForTask(provider, 't', fakeTime())).status).toBe('cancelled');
  });

  it('times out with TaskWaitTimeoutError carrying the last task', async () => {
    const { provider } = createFakeProvider('d', { t: [{ status: 'running', steps: 2 }] });
    const error = (await waitForTask(provider, 't', {
      ...fakeTime(),
      intervalMs: 1_000,
      timeoutMs: 5_000,
    }).catch((caught: unknown) => caught)) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error.lastTask?.status).toBe('running');
    expect(error.taskId).toBe('d:t');
    expect(error.message).toBe('d:t: not finished after 5000 ms (last status: running, "running")');
  });

  it('slows down on 429 instead of failing', async () => {
    const { provider, calls } = createFakeProvider('d', {
      t: [{ status: 'running' }, 'rate-limited', 'rate-limited', { status: 'succeeded' }],
    });
    const time = fakeTime();
    const task = await waitForTask(provider, 't', { ...time, intervalMs: 100, backoffFactor: 1 });
    expect(task.status).toBe('succeeded');
    expect(calls).toHaveLength(4);
    expect(time.sleeps).toEqual([100, 200, 400]);
  });

  it("caps a 429's wait hint at 60 s (or maxIntervalMs, when longer)", async () => {
    const hour = 3_600_000;
    let reads = 0;
    const provider: TaskProvider<string, unknown> = {
      name: 'd',
      getTask: async () => {
        reads++;
        if (reads === 2) throw new RateLimitError({ provider: 'd', status: 429, retryAfterMs: hour });
        const status = reads < 3 ? 'running' : 'succeeded';
        return createTask({ provider: 'd', id: 'd:t', status, providerStatus: status, raw: {} });
      },
      parseRef: (text) => text,
      formatRef: (ref) => `d:${ref}`,
    };
    const time = fakeTime();
    await waitForTask(provider, 't', { ...time, intervalMs: 100, timeoutMs: Number.POSITIVE_INFINITY });
    expect(time.sleeps).toEqual([100, 60_000]);
    reads = 0;
    const longer = fakeTime();
    await waitForTask(provider, 't', { ...longer, intervalMs: 100, maxIntervalMs: 90_000 });
    expect(longer.sleeps).toEqual([100, 90_000]);
  });

  it('rides out a few transient failures, but not a server that keeps failing', async () => {
    const recovering = createFakeProvider('d', {
      t: [{ status: 'running' }, 'server-error', 'server-error', 'server-error', { status: 'succeeded' }],
    });
    expect((await waitForTask(recovering.provider, 't', fakeTime())).status).toBe('succeeded');
    const reconnecting = createFakeProvider('d', {
      t: [{ status: 'running' }, 'connection-error', 'connection-error', { status: 'succeeded' }],
    });
    expect((await waitForTask(reconnecting.provider, 't', fakeTime())).status).toBe('succeeded');
    expect(reconnecting.calls).toHaveLength(4);
    const broken = createFakeProvider('d', { t: [{ status: 'running' }, 'server-error'] });
    const error = await waitForTask(broken.provider, 't', fakeTime()).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('InternalServerError');
    expect(broken.calls).toHaveLength(5);
  });

  it('ends in TaskWaitTimeoutError, with the failure as cause, when failures reach the deadline', async () => {
    const { provider } = createFakeProvider('d', { t: [{ status: 'running' }, 'server-error'] });
    const error = (await waitForTask(provider, 't', {
      ...fakeTime(),
      intervalMs: 1_000,
      timeoutMs: 2_500,
    }).catch((caught: unknown) => caught)) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect((error.cause as Error).name).toBe('InternalServerError');
    expect(error.lastTask?.status).toBe('running');
  });

  it('polls the light view and reads the full task once, at the end', async () => {
    const fake = createFakeProvider(
      'd',
      { t: [{ status: 'running' }, { status: 'running' }, { status: 'succeeded', steps: 3 }] },
      { withPoll: true },
    );
    const updates: Task[] = [];
    const task = await waitForTask(fake.provider, 't', {
      ...fakeTime(),
      onUpdate: (update) => updates.push(update),
    });
    expect(fake.calls.map((call) => call.kind)).toEqual(['poll', 'poll', 'poll', 'get']);
    expect(task.steps).toHaveLength(3);
    expect(updates.map((update) => [update.status, (update.raw as { kind: string }).kind])).toEqual([
      ['running', 'poll'],
      ['succeeded', 'get'],
    ]);
  });

  it('reads the full task at the end under the same patience with 429s, and the same limit', async () => {
    const light = createTask({
      provider: 'd',
      id: 'd:t',
      status: 'succeeded',
      providerStatus: 'done',
      raw: {},
    });
    const full = createTask({ ...light, steps: [{ index: 0, raw: {} }], raw: { full: true } });
    const fullReads: Array<Task | 'rate-limited' | 'hang'> = ['rate-limited', 'rate-limited', full];
    const provider: TaskProvider<string, unknown> = {
      name: 'd',
      pollTask: async () => light,
      getTask: async () => {
        const next = fullReads.shift() ?? 'hang';
        if (next === 'rate-limited')
          throw new RateLimitError({ provider: 'd', status: 429, retryAfterMs: 50 });
        if (next === 'hang') return new Promise<never>(() => {}); // a read that ignores its signal
        return next;
      },
      parseRef: (text) => text,
      formatRef: (ref) => `d:${ref}`,
    };
    const time = fakeTime();
    const task = await waitForTask(provider, 't', { ...time, intervalMs: 10 });
    expect(task.raw).toEqual({ full: true });
    expect(time.sleeps).toEqual([50, 100]); // slowed down (Retry-After, then doubled), not failed

    // A full read that hangs ends at the limit (a last look of at most 2 s, here timeoutMs), carrying
    // the settled light task; not after the per-request timeout and its retries.
    const began = Date.now();
    const error = (await waitForTask(provider, 't', { timeoutMs: 30 }).catch(
      (caught) => caught,
    )) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error.lastTask).toBe(light);
    expect(Date.now() - began).toBeLessThan(1_000);
  });

  it('gives the last look one 2 s window per wait: the final full read shares it, or is not made', async () => {
    const light = (status: 'running' | 'succeeded') =>
      createTask({ provider: 'd', id: 'd:t', status, providerStatus: status, raw: {} });
    const run = async (lightReadEndsAt: number) => {
      let clock = 0;
      let polls = 0;
      let fullReads = 0;
      const provider: TaskProvider<string, unknown> = {
        name: 'd',
        pollTask: async () => {
          polls++;
          if (polls === 1) return light('running');
          clock = lightReadEndsAt; // the second light read starts at 900 (100 ms left) and ends late
          return light('succeeded');
        },
        getTask: async () => {
          fullReads++;
          return new Promise<never>(() => {}); // hangs, deaf to its signal
        },
        parseRef: (text) => text,
        formatRef: (ref) => `d:${ref}`,
      };
      const began = Date.now();
      const error = (await waitForTask(provider, 't', {
        timeoutMs: 1_000, // the grace is min(2 s, timeoutMs) = 1,000 ms: it closes at 900 + 1,000
        intervalMs: 900,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      }).catch((caught: unknown) => caught)) as TaskWaitTimeoutError;
      return { error, fullReads, elapsed: Date.now() - began };
    };

    // The light read used 960 of the window's 1,000 ms: the full read gets the 40 ms left, not a new window.
    const shared = await run(1_860);
    expect(TaskWaitTimeoutError.isInstance(shared.error)).toBe(true);
    expect(shared.fullReads).toBe(1);
    expect(shared.elapsed).toBeLessThan(600);
    expect(shared.error.lastTask?.status).toBe('succeeded');
    expect(shared.error.message).toBe(
      'd:t: finished (last status: succeeded, "succeeded"), but the full task was not read within 1000 ms',
    );

    // The light read outlasted the window: no full read is started at all.
    const closed = await run(1_950);
    expect(TaskWaitTimeoutError.isInstance(closed.error)).toBe(true);
    expect(closed.fullReads).toBe(0);
  });

  it('keeps maxIntervalMs the longest pause: a longer intervalMs raises the default, or is refused', async () => {
    const { provider } = createFakeProvider('d', {
      t: [{ status: 'running' }, { status: 'running' }, { status: 'running' }, { status: 'succeeded' }],
    });
    const time = fakeTime();
    await waitForTask(provider, 't', { ...time, intervalMs: 45_000 });
    expect(time.sleeps).toEqual([45_000, 45_000, 45_000]); // fixed: the cap is intervalMs itself

    const refused = await waitForTask(provider, 't', { intervalMs: 5_000, maxIntervalMs: 1_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidArgumentError.isInstance(refused)).toBe(true);
    expect((refused as InvalidArgumentError).argument).toBe('intervalMs');
    expect((refused as Error).message).toContain('intervalMs (5000) must not exceed maxIntervalMs (1000)');
  });

  it('awaits an async onUpdate, and its rejection ends the wait (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { provider } = createFakeProvider('d', {
        t: [{ status: 'queued' }, { status: 'running' }, { status: 'succeeded' }],
      });
      const order: string[] = [];
      const done = await waitForTask(provider, 't', {
        ...fakeTime(),
        onUpdate: async (update) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          order.push(update.status);
        },
      });
      expect(done.status).toBe('succeeded');
      expect(order).toEqual(['queued', 'running', 'succeeded']); // each awaited before the next read

      const failing = createFakeProvider('d', { t: [{ status: 'running' }, { status: 'succeeded' }] });
      const saveFailed = new Error('could not save progress');
      const rejectingUpdate = async () => {
        throw saveFailed;
      };
      await expect(
        waitForTask(failing.provider, 't', { ...fakeTime(), onUpdate: rejectingUpdate }),
      ).rejects.toBe(saveFailed);
      const watched = watchTask(failing.provider, 't', { ...fakeTime(), onUpdate: rejectingUpdate });
      await expect(watched.next()).rejects.toBe(saveFailed);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('an async onUpdate that never settles is still cut by the signal and by timeoutMs', async () => {
    const { provider } = createFakeProvider('d', { t: [{ status: 'running' }, { status: 'succeeded' }] });
    const never = () => new Promise<never>(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    let began = Date.now();
    const aborted = await waitForTask(provider, 't', { onUpdate: never, signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(APIUserAbortError.isInstance(aborted)).toBe(true);
    expect(Date.now() - began).toBeLessThan(500);

    began = Date.now();
    const timedOut = (await waitForTask(provider, 't', { onUpdate: never, timeoutMs: 40 }).catch(
      (caught: unknown) => caught,
    )) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(timedOut)).toBe(true);
    expect(timedOut.lastTask?.status).toBeDefined();
    expect(Date.now() - began).toBeLessThan(500);
  });

  it('an abort fired inside onUpdate, before it returns its promise, still ends the wait at once', async () => {
    const { provider } = createFakeProvider('d', { t: [{ status: 'running' }, { status: 'succeeded' }] });
    const controller = new AbortController();
    const began = Date.now();
    const error = await waitForTask(provider, 't', {
      signal: controller.signal,
      onUpdate: () => {
        controller.abort();
        return new Promise<never>(() => {});
      },
    }).catch((caught: unknown) => caught);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(Date.now() - began).toBeLessThan(500);
  });

  it('timeoutMs: 0 reads once: a settled task resolves, any other ends the wait with it', async () => {
    const done = createFakeProvider('d', { t: [{ status: 'succeeded' }] });
    expect((await waitForTask(done.provider, 't', { timeoutMs: 0 })).status).toBe('succeeded');
    const busy = createFakeProvider('d', { t: [{ status: 'running' }] });
    const error = (await waitForTask(busy.provider, 't', { timeoutMs: 0 }).catch(
      (caught: unknown) => caught,
    )) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error.lastTask?.status).toBe('running');
    expect(busy.calls).toHaveLength(1);
  });

  it('an abort during a later read settles at once, even when the provider ignores its signal', async () => {
    let reads = 0;
    let secondReadStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      secondReadStarted = resolve;
    });
    const provider: TaskProvider<string, unknown> = {
      name: 'd',
      getTask: async () => {
        reads++;
        if (reads === 1)
          return createTask({ provider: 'd', id: 'd:t', status: 'running', providerStatus: 'r', raw: {} });
        secondReadStarted();
        return new Promise<never>(() => {}); // hangs, deaf to its signal
      },
      parseRef: (text) => text,
      formatRef: (ref) => `d:${ref}`,
    };
    const controller = new AbortController();
    const pending = waitForTask(provider, 't', { intervalMs: 1, signal: controller.signal }).catch(
      (caught: Error) => caught,
    );
    await started;
    controller.abort();
    const settled = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('hung'), 500)),
    ]);
    expect(APIUserAbortError.isInstance(settled)).toBe(true);
    expect(reads).toBe(2);
  });

  it('an abort during an interval settles at once with APIUserAbortError', async () => {
    const { provider } = createFakeProvider('d', { t: [{ status: 'running' }] });
    const controller = new AbortController();
    const pending = waitForTask(provider, 't', { intervalMs: 10_000, signal: controller.signal }).catch(
      (caught: Error) => caught,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const began = Date.now();
    controller.abort();
    expect(APIUserAbortError.isInstance(await pending)).toBe(true);
    expect(Date.now() - began).toBeLessThan(50);
  });
});

describe('watchTask', () => {
  it('yields each change and ends at the terminal status', async () => {
    const { provider } = createFakeProvider('d', {
      t: [
        { status: 'queued' },
        { status: 'running', steps: 1 },
        { status: 'running', steps: 1 },
        { status: 'running', steps: 2 },
        { status: 'timed_out', steps: 2 },
      ],
    });
    const seen: string[] = [];
    for await (const task of watchTask(provider, 't', fakeTime()))
      seen.push(`${task.status}/${task.steps.length}`);
    expect(seen).toEqual(['queued/0', 'running/1', 'running/2', 'timed_out/2']);
  });

  it("does not count the consumer's time between updates toward timeoutMs", async () => {
    const { provider } = createFakeProvider('d', {
      t: [
        { status: 'queued' },
        { status: 'running', steps: 1 },
        { status: 'running', steps: 2 },
        { status: 'succeeded', steps: 2 },
      ],
    });
    const seen: string[] = [];
    for await (const task of watchTask(provider, 't', { intervalMs: 1, timeoutMs: 120 })) {
      seen.push(task.status);
      await new Promise((resolve) => setTimeout(resolve, 60)); // 4 x 60 ms of work: past the limit
    }
    expect(seen).toEqual(['queued', 'running', 'running', 'succeeded']);
  });

  it('yields a step that changed without a new step (its result or screenshot arrived later)', async () => {
    const reads: Array<Array<{ index: number; result?: string; screenshotUrl?: string }>> = [
      [{ index: 0 }],
      [{ index: 0 }],
      [{ index: 0, result: 'opened the page' }],
      [{ index: 0, result: 'opened the page', screenshotUrl: 'https://x/0.png' }],
      [{ index: 0, result: 'opened the page', screenshotUrl: 'https://x/0.png' }],
    ];
    let position = 0;
    const provider: TaskProvider<string, unknown> = {
      name: 'd',
      getTask: async () => {
        const steps = reads[position]!.map((step) => ({ ...step, raw: {} }));
        const status = position === reads.length - 1 ? 'succeeded' : 'running';
        position++;
        return createTask({ provider: 'd', id: 'd:t', status, providerStatus: status, steps, raw: {} });
      },
      parseRef: (text) => text,
      formatRef: (ref) => `d:${ref}`,
    };
    const seen: string[] = [];
    for await (const task of watchTask(provider, 't', fakeTime()))
      seen.push(`${task.status}:${task.steps[0]?.result ?? '-'}:${task.steps[0]?.screenshotUrl ?? '-'}`);
    expect(seen).toEqual([
      'running:-:-',
      'running:opened the page:-',
      'running:opened the page:https://x/0.png',
      'succeeded:opened the page:https://x/0.png',
    ]);
  });
});
