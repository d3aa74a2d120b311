import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { createFakeProvider } from '../polling/fake-provider.test-helper';
import type { Task } from '../task/task';
import type { RequestOptions } from '../task/task-provider';
import { createTaskClient } from './create-task-client';
import type { TaskUpdate } from './task-client-types';

const fast = { intervalMs: 1, maxIntervalMs: 2 };
const refs50 = () => Array.from({ length: 50 }, (_, index) => `t${index}`);

describe('createTaskClient', () => {
  it('routes references by prefix', async () => {
    const a = createFakeProvider('alpha', { '1': [{ status: 'succeeded' }] });
    const b = createFakeProvider('beta', { '1': [{ status: 'failed' }] });
    const client = createTaskClient({ providers: [a.provider, b.provider] });
    expect((await client.get('alpha:1')).status).toBe('succeeded');
    expect((await client.get('beta:1')).status).toBe('failed');
    expect((await client.wait('beta:1', fast)).status).toBe('failed');
    expect(a.calls).toHaveLength(1);
  });

  it('rejects unknown, missing and non-string references, listing the known providers', () => {
    const client = createTaskClient({
      providers: [createFakeProvider('alpha', {}).provider, createFakeProvider('beta', {}).provider],
    });
    expect(() => client.resolve('gamma:1')).toThrow(
      'unknown provider "gamma" in ref "gamma:1": expected one of alpha, beta',
    );
    expect(() => client.resolve('no-prefix')).toThrow(
      'ref must look like "<provider>:<id>" with provider one of alpha, beta, got "no-prefix"',
    );
    expect(() => client.resolve(42 as unknown as string)).toThrow(InvalidArgumentError);
    expect(() => createTaskClient({ providers: [] })).toThrow(/at least one provider/);
    const same = createFakeProvider('alpha', {}).provider;
    expect(() => createTaskClient({ providers: [same, same] })).toThrow('providers lists "alpha" twice');
  });

  it('getMany and waitMany keep one outcome per task; one failure does not stop the others', async () => {
    const a = createFakeProvider('alpha', { ok: [{ status: 'running' }, { status: 'succeeded' }] });
    const client = createTaskClient({ providers: [a.provider] });
    const outcomes = await client.waitMany(['alpha:ok', 'alpha:missing'], fast);
    expect(outcomes[0]).toMatchObject({ ref: 'alpha:ok', task: { status: 'succeeded' } });
    expect(outcomes[1]?.ref).toBe('alpha:missing');
    expect(outcomes[1]?.error).toEqual(new Error('no script for missing'));
    const got = await client.getMany(['alpha:ok']);
    expect(got[0]?.task?.status).toBe('succeeded');
  });

  it('bounds the requests in flight', async () => {
    const scripts = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [
        String(index),
        [{ status: 'running' as const }, { status: 'succeeded' as const }],
      ]),
    );
    const fake = createFakeProvider('alpha', scripts, { latencyMs: 2 });
    const client = createTaskClient({ providers: [fake.provider], concurrency: 4 });
    const outcomes = await client.waitMany(
      Object.keys(scripts).map((id) => `alpha:${id}`),
      fast,
    );
    expect(outcomes.every((outcome) => outcome.task?.status === 'succeeded')).toBe(true);
    expect(fake.maxInFlight()).toBe(4);
  });

  it('watch merges updates across providers and ends when every task is done', async () => {
    const a = createFakeProvider('alpha', {
      '1': [{ status: 'queued' }, { status: 'running' }, { status: 'succeeded' }],
    });
    const b = createFakeProvider('beta', { '1': [{ status: 'running' }, { status: 'paused' }] });
    const client = createTaskClient({ providers: [a.provider, b.provider], concurrency: 2 });
    const updates: TaskUpdate[] = [];
    for await (const update of client.watch(['alpha:1', 'beta:1', 'beta:nope'], fast)) updates.push(update);
    const byRef = (ref: string) =>
      updates
        .filter((update) => update.ref === ref)
        .map((update) => `${update.task?.status}${update.done ? '!' : ''}`);
    expect(byRef('alpha:1')).toEqual(['queued', 'running', 'succeeded!']);
    expect(byRef('beta:1')).toEqual(['running', 'paused!']);
    expect(updates.find((update) => update.ref === 'beta:nope')).toMatchObject({
      done: true,
      error: expect.any(Error),
    });
  });

  it('breaking out of watch stops the polling', async () => {
    const fake = createFakeProvider(
      'alpha',
      {
        '1': [
          { status: 'running', steps: 1 },
          { status: 'running', steps: 2 },
          { status: 'running', steps: 3 },
        ],
      },
      { latencyMs: 1 },
    );
    const client = createTaskClient({ providers: [fake.provider] });
    for await (const update of client.watch('alpha:1', fast)) {
      if (update.task) break;
    }
    const callsAtBreak = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.calls.length).toBeLessThanOrEqual(callsAtBreak + 1);
  });

  it('watch polls only as the consumer pulls: an iterator dropped without return() stops the polling', async () => {
    const growing = Array.from({ length: 200 }, (_, index) => ({
      status: 'running' as const,
      steps: index + 1,
    }));
    const fake = createFakeProvider('alpha', { a: growing, b: growing, c: growing });
    const client = createTaskClient({ providers: [fake.provider] });
    const iterator = client.watch(['alpha:a', 'alpha:b', 'alpha:c'], fast)[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.task?.status).toBe('running');
    // Dropped: no return(), no more next(). Each task may make its one pending read, then waits.
    await new Promise((resolve) => setTimeout(resolve, 40));
    const settled = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fake.calls.length).toBe(settled);
    expect(settled).toBeLessThanOrEqual(6);
  });

  it('a slow watch consumer does not turn finished tasks into timeouts', async () => {
    const scripts = Object.fromEntries(
      Array.from({ length: 5 }, (_, index) => [
        String(index),
        [
          { status: 'running' as const },
          { status: 'running' as const, steps: 1 },
          { status: 'succeeded' as const, steps: 1 },
        ],
      ]),
    );
    const fake = createFakeProvider('alpha', scripts);
    const client = createTaskClient({ providers: [fake.provider] });
    const outcomes: string[] = [];
    for await (const update of client.watch(
      Object.keys(scripts).map((id) => `alpha:${id}`),
      {
        intervalMs: 1,
        timeoutMs: 150,
      },
    )) {
      await new Promise((resolve) => setTimeout(resolve, 20)); // 15 updates x 20 ms: twice the limit
      if (update.done) outcomes.push(update.error ? String(update.error) : (update.task?.status ?? '?'));
    }
    expect(outcomes).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });

  it('getMany settles at once on abort, even when a provider ignores its signal', async () => {
    let reads = 0;
    const deaf = {
      name: 'deaf',
      getTask: () => {
        reads++;
        return new Promise<Task>(() => {}); // never settles, ignores its signal
      },
      parseRef: (text: string) => text.replace('deaf:', ''),
      formatRef: (ref: unknown) => `deaf:${String(ref)}`,
    };
    const client = createTaskClient({ providers: [deaf], concurrency: 2 });
    const controller = new AbortController();
    const pending = client.getMany(['deaf:a', 'deaf:b', 'deaf:c'], { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const began = Date.now();
    controller.abort();
    const outcomes = await pending;
    expect(Date.now() - began).toBeLessThan(200);
    expect(outcomes.map((outcome) => outcome.error?.constructor.name)).toEqual([
      'APIUserAbortError',
      'APIUserAbortError',
      'APIUserAbortError',
    ]);
    expect(reads).toBe(2); // the third never got a slot, and is not read after the abort
  });

  it('many-task calls add one listener in total to the caller signal, not one per task', async () => {
    const fake = createFakeProvider(
      'alpha',
      Object.fromEntries(refs50().map((id) => [id, [{ status: 'succeeded' }]])),
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    // Like `fetch`: one abort listener on the signal each read gets, held until the read settles.
    const listening = {
      ...fake.provider,
      getTask: async (ref: string, options?: RequestOptions) => {
        const onAbort = () => {};
        options?.signal?.addEventListener('abort', onAbort);
        started++;
        try {
          await gate;
          return await fake.provider.getTask(ref, options);
        } finally {
          options?.signal?.removeEventListener('abort', onAbort);
        }
      },
    };
    const client = createTaskClient({ providers: [listening], concurrency: 100 });
    const refs = refs50().map((id) => `alpha:${id}`);
    for (const run of [
      (signal: AbortSignal) => client.getMany(refs, { signal }),
      (signal: AbortSignal) => client.waitMany(refs, { ...fast, signal }),
    ]) {
      const controller = new AbortController();
      started = 0;
      const pending = run(controller.signal);
      while (started < refs.length) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
      release();
      const outcomes = await pending;
      expect(outcomes.map((outcome) => outcome.task?.status)).toEqual(refs.map(() => 'succeeded'));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
  });

  it('rejects a bad reference in a many-task call before any request', async () => {
    const fake = createFakeProvider('alpha', {});
    const client = createTaskClient({ providers: [fake.provider] });
    await expect(client.waitMany(['alpha:1', 'zeta:2'])).rejects.toThrow(/unknown provider "zeta"/);
    await expect(client.watch(['nope'])[Symbol.asyncIterator]().next()).rejects.toThrow(InvalidArgumentError);
    expect(fake.calls).toHaveLength(0);
  });

  it('rejects, never throws, and names refs or signal when they are not what it takes', async () => {
    const fake = createFakeProvider('alpha', { '1': [{ status: 'succeeded' }] });
    const client = createTaskClient({ providers: [fake.provider] });
    const rejection = (call: () => Promise<unknown>) => {
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = call();
      }).not.toThrow();
      return promise!.then(
        () => undefined,
        (error: unknown) => error as InvalidArgumentError,
      );
    };
    for (const refs of [undefined, null, {}, 42]) {
      for (const call of [
        () => client.getMany(refs as unknown as string[]),
        () => client.waitMany(refs as unknown as string[]),
        () =>
          client
            .watch(refs as unknown as string[])
            [Symbol.asyncIterator]()
            .next(),
      ]) {
        const error = await rejection(call);
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect(error?.argument).toBe('refs');
        expect(error?.message).toMatch(/^refs must be an array of "<provider>:<id>" strings, got /);
      }
    }
    expect((await rejection(() => client.get('nope')))?.argument).toBe('ref');
    expect((await rejection(() => client.wait('zeta:1')))?.argument).toBe('ref');
    const controller = new AbortController();
    const wrongSignal = { signal: controller as unknown as AbortSignal };
    for (const call of [
      () => client.getMany(['alpha:1'], wrongSignal),
      () => client.waitMany(['alpha:1'], wrongSignal),
      () => client.watch(['alpha:1'], wrongSignal)[Symbol.asyncIterator]().next(),
      () => client.wait('alpha:1', wrongSignal),
    ]) {
      const error = await rejection(call);
      expect(error?.argument).toBe('signal');
      expect(error?.message).toMatch(
        /^signal must be an AbortSignal \(an AbortController was passed: pass its \.signal\)/,
      );
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('hands one signal to many tasks with a single listener on it', async () => {
    const scripts = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [
        String(index),
        [{ status: 'running' as const }, { status: 'succeeded' as const }],
      ]),
    );
    const refs = Object.keys(scripts).map((id) => `alpha:${id}`);
    for (const many of ['getMany', 'waitMany', 'watch'] as const) {
      const fake = createFakeProvider('alpha', scripts, { latencyMs: 1 });
      const client = createTaskClient({ providers: [fake.provider], concurrency: 30 });
      const { signal } = new AbortController();
      let listening = 0;
      let peak = 0;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
        peak = Math.max(peak, ++listening);
        add(...args);
      };
      signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
        listening--;
        remove(...args);
      };
      if (many === 'watch') {
        for await (const _update of client.watch(refs, { ...fast, signal })) {
          // drain
        }
      } else {
        const outcomes = await client[many](refs, { ...fast, signal });
        expect(outcomes.every((outcome) => outcome.task)).toBe(true);
      }
      expect([many, peak, listening]).toEqual([many, 1, 0]);
    }
  });

  it('drops the reads still queued for a turn once a watch is left or a wait has ended', async () => {
    const scripts = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [String(index), [{ status: 'running' as const }]]),
    );
    const refs = Object.keys(scripts).map((id) => `alpha:${id}`);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    const watched = createFakeProvider('alpha', scripts, { latencyMs: 2 });
    const watchClient = createTaskClient({ providers: [watched.provider], concurrency: 2 });
    for await (const update of watchClient.watch(refs, fast)) {
      if (update.task) break;
    }
    const atBreak = watched.calls.length;
    await settle();
    expect(watched.calls.length - atBreak).toBeLessThanOrEqual(2); // at most the reads already in flight

    const waited = createFakeProvider('alpha', scripts, { latencyMs: 2 });
    const waitClient = createTaskClient({ providers: [waited.provider], concurrency: 2 });
    const outcomes = await waitClient.waitMany(refs, { ...fast, timeoutMs: 20 });
    expect(outcomes.every((outcome) => outcome.error)).toBe(true);
    const atReturn = waited.calls.length;
    await settle();
    expect(waited.calls.length - atReturn).toBeLessThanOrEqual(2);
  });

  it('names a provider that resolves with something that is not a Task', async () => {
    const broken = {
      name: 'broken',
      getTask: async () => null as unknown as Task,
      parseRef: (text: string) => text.replace('broken:', ''),
      formatRef: (ref: string) => `broken:${ref}`,
    };
    const client = createTaskClient({ providers: [broken] });
    const message = 'broken: getTask resolved with null, not a Task';
    expect((await client.getMany(['broken:1']))[0]?.error).toEqual(new TypeError(message));
    expect((await client.waitMany(['broken:1'], fast))[0]?.error).toEqual(new TypeError(message));
    for await (const update of client.watch('broken:1', fast)) {
      expect(update).toMatchObject({ done: true, error: new TypeError(message) });
    }
  });
});
