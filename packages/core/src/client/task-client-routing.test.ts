import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { NotFoundError } from '../errors/status-errors';
import { TaskWaitTimeoutError } from '../errors/task-wait-timeout-error';
import { buildPath } from '../http/build-path';
import { createHttpClient } from '../http/create-http-client';
import type { FetchFunction } from '../http/fetch-function';
import { createTask } from '../task/create-task';
import type { Task } from '../task/task';
import type { AnyTaskProvider, RequestOptions, TaskProvider } from '../task/task-provider';
import type { TaskStatus } from '../task/task-status';
import { createLimiter } from './create-limiter';
import { createTaskClient } from './create-task-client';
import type { TaskUpdate } from './task-client-types';

const WORDS: Record<string, TaskStatus> = {
  created: 'queued',
  started: 'running',
  awaiting: 'paused',
  finished: 'succeeded',
  failed: 'failed',
};

/** Counts requests in flight across every provider that shares it. */
function createGauge() {
  let current = 0;
  let max = 0;
  return {
    enter() {
      current++;
      max = Math.max(max, current);
    },
    leave() {
      current--;
    },
    max: () => max,
    current: () => current,
  };
}

/**
 * A made-up vendor built like a real provider: `createHttpClient` over a fetch stub that plays a script
 * of status words per task id (the last one repeats), `createTask` to normalize. With `composite`, the
 * reference is `{ taskId, executionId }` and its string form `<name>:<taskId>/<executionId>`, as Anchor's.
 */
function createVendor(
  name: string,
  scripts: Record<string, string[]>,
  options: { latencyMs?: number; gauge?: ReturnType<typeof createGauge>; composite?: boolean } = {},
) {
  const positions = new Map<string, number>();
  const reads: Array<{ ref: unknown; options?: RequestOptions }> = [];
  const fetch: FetchFunction = async (input, init) => {
    const id = decodeURIComponent(new URL(String(input)).pathname.split('/').at(-1)!);
    if (options.latencyMs) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, options.latencyMs);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    const script = scripts[id];
    if (!script) return Response.json({ detail: `Task ${id} not found` }, { status: 404 });
    const position = positions.get(id) ?? 0;
    positions.set(id, position + 1);
    return Response.json({ id, status: script[Math.min(position, script.length - 1)] });
  };
  const http = createHttpClient({
    provider: name,
    packageName: `@x/${name}`,
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'VENDOR_TEST_KEY',
    baseURLEnvironmentVariable: 'VENDOR_TEST_BASE_URL',
    defaultBaseURL: `https://${name}.example.test`,
    apiKey: `${name}-key-000`,
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    maxRetries: 0,
    fetch,
  });
  type Ref = string | { taskId: string; executionId: string };
  const idOf = (ref: Ref) => (typeof ref === 'string' ? ref : `${ref.taskId}.${ref.executionId}`);
  const formatRef = (ref: Ref) =>
    typeof ref === 'string' ? `${name}:${ref}` : `${name}:${ref.taskId}/${ref.executionId}`;
  const provider: TaskProvider<Ref, { id: string; status: string }> = {
    name,
    async getTask(ref, requestOptions) {
      reads.push({ ref, options: requestOptions });
      options.gauge?.enter();
      try {
        const { data } = await http.getJson<{ id: string; status: string }>(
          buildPath('/tasks/{id}', { id: idOf(ref) }),
          requestOptions,
        );
        return createTask({
          provider: name,
          id: formatRef(ref),
          status: WORDS[data.status] ?? 'unknown',
          providerStatus: data.status,
          raw: data,
        });
      } finally {
        options.gauge?.leave();
      }
    },
    parseRef(text) {
      const id = text.startsWith(`${name}:`) ? text.slice(name.length + 1) : text;
      if (!options.composite) return id;
      const [taskId, executionId, ...rest] = id.split('/');
      if (!taskId || !executionId || rest.length > 0) {
        throw new InvalidArgumentError({
          argument: 'ref',
          message: `ref must look like "${name}:<taskId>/<executionId>"`,
        });
      }
      return { taskId, executionId };
    },
    formatRef,
  };
  return { provider, reads };
}

const fast = { intervalMs: 1, maxIntervalMs: 2 };

describe('routing', () => {
  it('sends each reference to the provider named by its prefix, with the parsed reference', async () => {
    const alpha = createVendor('alpha', { '1': ['finished'] });
    const beta = createVendor('beta', { '1': ['failed'] });
    const gamma = createVendor('gamma', { 'job.run': ['started', 'finished'] }, { composite: true });
    const client = createTaskClient({ providers: [alpha.provider, beta.provider, gamma.provider] });

    expect((await client.get('beta:1')).status).toBe('failed');
    expect(beta.reads.map((read) => read.ref)).toEqual(['1']);
    expect(alpha.reads).toHaveLength(0);

    const task = await client.wait('gamma:job/run', fast);
    expect(task).toMatchObject({ id: 'gamma:job/run', status: 'succeeded' });
    expect(gamma.reads.map((read) => read.ref)).toEqual([
      { taskId: 'job', executionId: 'run' },
      { taskId: 'job', executionId: 'run' },
    ]);
    expect(alpha.reads).toHaveLength(0);

    const resolved = client.resolve('alpha:1');
    expect(resolved.provider).toBe(alpha.provider);
    expect(resolved.ref).toBe('1');
    expect(client.providers).toEqual([alpha.provider, beta.provider, gamma.provider]);
  });

  it('routes by the first colon, so an id may hold colons of its own', async () => {
    const alpha = createVendor('alpha', { 'sess:1': ['finished'] });
    const client = createTaskClient({ providers: [alpha.provider] });
    expect(client.resolve('alpha:sess:1')).toEqual({ provider: alpha.provider, ref: 'sess:1' });
    expect((await client.get('alpha:sess:1')).status).toBe('succeeded');
    expect(alpha.reads.map((read) => read.ref)).toEqual(['sess:1']);
  });

  it('passes the request options through', async () => {
    const alpha = createVendor('alpha', { '1': ['finished'] });
    const client = createTaskClient({ providers: [alpha.provider] });
    const controller = new AbortController();
    await client.get('alpha:1', { timeoutMs: 1_234, signal: controller.signal, headers: { 'x-trace': '1' } });
    expect(alpha.reads[0]!.options).toEqual({
      timeoutMs: 1_234,
      signal: controller.signal,
      headers: { 'x-trace': '1' },
    });
  });

  it.each([
    [
      'an unknown prefix',
      'delta:1',
      'unknown provider "delta" in ref "delta:1": expected one of alpha, beta',
    ],
    [
      'no prefix',
      'just-an-id',
      'ref must look like "<provider>:<id>" with provider one of alpha, beta, got "just-an-id"',
    ],
    [
      'an empty prefix',
      ':1',
      'ref must look like "<provider>:<id>" with provider one of alpha, beta, got ":1"',
    ],
    ['an empty string', '', 'ref must look like "<provider>:<id>" with provider one of alpha, beta, got ""'],
    ['null', null, 'ref must be a string "<provider>:<id>", got null'],
    ['undefined', undefined, 'ref must be a string "<provider>:<id>", got undefined'],
    ['a number', 42, 'ref must be a string "<provider>:<id>", got number 42'],
    ['an object', { provider: 'alpha', id: '1' }, 'ref must be a string "<provider>:<id>", got an object'],
  ])('refuses %s with InvalidArgumentError, before any request', async (_label, ref, message) => {
    const alpha = createVendor('alpha', { '1': ['finished'] });
    const beta = createVendor('beta', {});
    const client = createTaskClient({ providers: [alpha.provider, beta.provider] });
    const attempts: Array<() => Promise<unknown>> = [
      () => client.get(ref as string),
      () => client.wait(ref as string),
      () => client.getMany(['alpha:1', ref as string]),
      () => client.waitMany(['alpha:1', ref as string]),
    ];
    for (const attempt of attempts) {
      const error = await Promise.resolve()
        .then(attempt)
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe('ref');
      expect((error as Error).message).toBe(message);
    }
    const iterator = client.watch(['alpha:1', ref as string])[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow(message);
    expect(alpha.reads).toHaveLength(0);
  });

  it("the provider's own parse errors come through", async () => {
    const gamma = createVendor('gamma', {}, { composite: true });
    const client = createTaskClient({ providers: [gamma.provider] });
    expect(() => client.resolve('gamma:only-a-task')).toThrow(
      'ref must look like "gamma:<taskId>/<executionId>"',
    );
  });

  it('refuses bad client options', () => {
    const alpha = createVendor('alpha', {}).provider;
    expect(() => createTaskClient({ providers: [] })).toThrow('providers must list at least one provider');
    expect(() => createTaskClient(undefined as unknown as { providers: [] })).toThrow(InvalidArgumentError);
    expect(() => createTaskClient({ providers: [alpha, createVendor('alpha', {}).provider] })).toThrow(
      'providers lists "alpha" twice',
    );
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      expect(() => createTaskClient({ providers: [alpha], concurrency })).toThrow(
        /^concurrency must be an integer/,
      );
    }
  });
});

describe('many tasks at once', () => {
  it('getMany keeps one outcome per reference, in order, and a failure does not stop the others', async () => {
    const alpha = createVendor('alpha', { a: ['started'], b: ['finished'] });
    const beta = createVendor('beta', { c: ['failed'] });
    const client = createTaskClient({ providers: [alpha.provider, beta.provider] });
    const outcomes = await client.getMany(['alpha:a', 'beta:missing', 'beta:c', 'alpha:b']);
    expect(outcomes.map((outcome) => outcome.ref)).toEqual(['alpha:a', 'beta:missing', 'beta:c', 'alpha:b']);
    expect(outcomes.map((outcome) => outcome.task?.status)).toEqual([
      'running',
      undefined,
      'failed',
      'succeeded',
    ]);
    expect(NotFoundError.isInstance(outcomes[1]!.error)).toBe(true);
    expect((outcomes[1]!.error as Error).message).toBe('beta 404: Task missing not found');
    expect(outcomes.filter((outcome) => 'error' in outcome)).toHaveLength(1);
  });

  it('waitMany waits for each task and keeps its own outcome (task, error or timeout)', async () => {
    const alpha = createVendor('alpha', { done: ['created', 'started', 'finished'], stuck: ['started'] });
    const beta = createVendor('beta', { bad: ['started', 'failed'] });
    const client = createTaskClient({ providers: [alpha.provider, beta.provider] });
    const outcomes = await client.waitMany(['alpha:done', 'beta:bad', 'alpha:stuck', 'beta:gone'], {
      ...fast,
      timeoutMs: 60,
    });
    expect(outcomes[0]).toMatchObject({ ref: 'alpha:done', task: { status: 'succeeded' } });
    expect(outcomes[1]).toMatchObject({ ref: 'beta:bad', task: { status: 'failed' } });
    expect(TaskWaitTimeoutError.isInstance(outcomes[2]!.error)).toBe(true);
    expect((outcomes[2]!.error as TaskWaitTimeoutError).lastTask?.status).toBe('running');
    expect(NotFoundError.isInstance(outcomes[3]!.error)).toBe(true);
  });

  it('watch merges updates across providers and ends when every task is done', async () => {
    const alpha = createVendor('alpha', { '1': ['created', 'started', 'finished'] });
    const beta = createVendor('beta', { '1': ['started', 'started', 'awaiting'], '2': ['failed'] });
    const client = createTaskClient({ providers: [alpha.provider, beta.provider] });
    const updates: TaskUpdate[] = [];
    for await (const update of client.watch(['alpha:1', 'beta:1', 'beta:2', 'beta:missing'], fast)) {
      updates.push(update);
    }
    const of = (ref: string) =>
      updates
        .filter((update) => update.ref === ref)
        .map((update) => `${update.task?.status ?? '-'}${update.done ? '!' : ''}`);
    expect(of('alpha:1')).toEqual(['queued', 'running', 'succeeded!']);
    expect(of('beta:1')).toEqual(['running', 'paused!']);
    expect(of('beta:2')).toEqual(['failed!']);
    expect(of('beta:missing')).toEqual(['-!']);
    expect(NotFoundError.isInstance(updates.find((update) => update.ref === 'beta:missing')?.error)).toBe(
      true,
    );
    // Exactly one `done` per reference, and it is the last event for that reference.
    for (const ref of ['alpha:1', 'beta:1', 'beta:2', 'beta:missing']) {
      const events = updates.filter((update) => update.ref === ref);
      expect(events.filter((update) => update.done)).toHaveLength(1);
      expect(events.at(-1)?.done).toBe(true);
    }
  });

  it('watch accepts a single reference', async () => {
    const alpha = createVendor('alpha', { '1': ['started', 'finished'] });
    const client = createTaskClient({ providers: [alpha.provider] });
    const statuses: string[] = [];
    for await (const update of client.watch('alpha:1', fast)) statuses.push(update.task!.status);
    expect(statuses).toEqual(['running', 'succeeded']);
  });

  it('breaking out of watch stops every polling loop', async () => {
    const alpha = createVendor(
      'alpha',
      { '1': ['started'], '2': ['started'], '3': ['started'] },
      { latencyMs: 1 },
    );
    const client = createTaskClient({ providers: [alpha.provider] });
    let seen = 0;
    for await (const _update of client.watch(['alpha:1', 'alpha:2', 'alpha:3'], { intervalMs: 5 })) {
      if (++seen === 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20)); // let in-flight reads end
    const afterBreak = alpha.reads.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(alpha.reads).toHaveLength(afterBreak);
  });

  it("the caller's abort ends watch at once, each task reporting the abort", async () => {
    const alpha = createVendor('alpha', { '1': ['started'], '2': ['started'] });
    const client = createTaskClient({ providers: [alpha.provider] });
    const controller = new AbortController();
    const updates: TaskUpdate[] = [];
    let began = 0;
    for await (const update of client.watch(['alpha:1', 'alpha:2'], {
      intervalMs: 30_000,
      signal: controller.signal,
    })) {
      updates.push(update);
      if (updates.length === 2) {
        began = performance.now();
        controller.abort();
      }
    }
    expect(performance.now() - began).toBeLessThan(50);
    const ends = updates.filter((update) => update.done);
    expect(ends.map((update) => update.ref).sort()).toEqual(['alpha:1', 'alpha:2']);
    for (const end of ends) expect(APIUserAbortError.isInstance(end.error)).toBe(true);
  });
});

describe('the bound on requests in flight', () => {
  const fifty = (name: string, words: string[]) =>
    Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`${name}${index}`, words]));

  it('getMany: 50 tasks, concurrency 4 → at most 4 getTask calls at once, and 4 are reached', async () => {
    const gauge = createGauge();
    const alpha = createVendor('alpha', fifty('t', ['finished']), { latencyMs: 3, gauge });
    const client = createTaskClient({ providers: [alpha.provider], concurrency: 4 });
    const outcomes = await client.getMany(Array.from({ length: 50 }, (_, index) => `alpha:t${index}`));
    expect(outcomes.every((outcome) => outcome.task?.status === 'succeeded')).toBe(true);
    expect(gauge.max()).toBe(4);
    expect(alpha.reads).toHaveLength(50);
  });

  it('waitMany across two providers shares one bound', async () => {
    const gauge = createGauge();
    const alpha = createVendor('alpha', fifty('a', ['started', 'finished']), { latencyMs: 2, gauge });
    const beta = createVendor('beta', fifty('b', ['created', 'finished']), { latencyMs: 2, gauge });
    const client = createTaskClient({ providers: [alpha.provider, beta.provider], concurrency: 4 });
    const refs = Array.from({ length: 25 }, (_, index) => [`alpha:a${index}`, `beta:b${index}`]).flat();
    const outcomes = await client.waitMany(refs, fast);
    expect(outcomes.every((outcome) => outcome.task?.status === 'succeeded')).toBe(true);
    expect(gauge.max()).toBe(4);
  });

  it('watch: 50 tasks, concurrency 4', async () => {
    const gauge = createGauge();
    const alpha = createVendor('alpha', fifty('t', ['started', 'finished']), { latencyMs: 2, gauge });
    const client = createTaskClient({ providers: [alpha.provider], concurrency: 4 });
    let done = 0;
    for await (const update of client.watch(
      Array.from({ length: 50 }, (_, index) => `alpha:t${index}`),
      fast,
    )) {
      if (update.done) done++;
    }
    expect(done).toBe(50);
    expect(gauge.max()).toBe(4);
  });

  it('the default bound is 8', async () => {
    const gauge = createGauge();
    const alpha = createVendor('alpha', fifty('t', ['finished']), { latencyMs: 3, gauge });
    await createTaskClient({ providers: [alpha.provider] }).getMany(
      Array.from({ length: 50 }, (_, index) => `alpha:t${index}`),
    );
    expect(gauge.max()).toBe(8);
  });
});

describe('createLimiter', () => {
  it('runs at most `limit` at once, in call order, and a failure frees its slot', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    let running = 0;
    let max = 0;
    const jobs = Array.from({ length: 7 }, (_, index) =>
      limiter(async () => {
        started.push(index);
        running++;
        max = Math.max(max, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        if (index === 1) throw new Error('job 1 failed');
        return index * 10;
      }),
    );
    const results = await Promise.allSettled(jobs);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(max).toBe(2);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : 'x'))).toEqual([
      0,
      'x',
      20,
      30,
      40,
      50,
      60,
    ]);
  });

  it('a slot handed to a waiting job is not taken by a newcomer', async () => {
    const limiter = createLimiter(1);
    let running = 0;
    let max = 0;
    const job = (ms: number) =>
      limiter(async () => {
        running++;
        max = Math.max(max, running);
        await new Promise((resolve) => setTimeout(resolve, ms));
        running--;
      });
    const first = job(5);
    const second = job(1);
    // Newcomers arriving in the same turn the first job ends.
    const late = first.then(() => Promise.all([job(1), job(1)]));
    await Promise.all([first, second, late]);
    expect(max).toBe(1);
  });

  it('a newcomer arriving microtasks after a release does not squeeze in beside the woken waiter', async () => {
    const ticks = async (count: number) => {
      for (let index = 0; index < count; index++) await null;
    };
    for (let offset = 0; offset <= 4; offset++) {
      const limiter = createLimiter(1);
      let running = 0;
      let max = 0;
      const track = (promise: Promise<unknown>) => {
        running++;
        max = Math.max(max, running);
        return promise.finally(() => running--);
      };
      let releaseFirst = () => {};
      const first = limiter(() => track(new Promise<void>((resolve) => (releaseFirst = resolve))));
      const second = limiter(() => track(new Promise((resolve) => setTimeout(resolve, 2))));
      await ticks(1);
      releaseFirst();
      const newcomer = ticks(offset).then(() =>
        limiter(() => track(new Promise((resolve) => setTimeout(resolve, 2)))),
      );
      await Promise.all([first, second, newcomer]);
      expect({ offset, max }).toEqual({ offset, max: 1 });
    }
  });

  it('waitMany keeps `concurrency` when reads settle in microtasks', async () => {
    let inFlight = 0;
    let peak = 0;
    const reads = new Map<string, number>();
    const provider: AnyTaskProvider = {
      name: 'mem',
      parseRef: (text) => text,
      formatRef: (ref) => `mem:${String(ref)}`,
      getTask(ref) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        const count = (reads.get(String(ref)) ?? 0) + 1;
        reads.set(String(ref), count);
        const status = count >= 4 ? 'succeeded' : 'running';
        return Promise.resolve(
          createTask({ provider: 'mem', id: `mem:${String(ref)}`, status, providerStatus: status, raw: {} }),
        ).finally(() => inFlight--);
      },
    };
    const client = createTaskClient({ providers: [provider], concurrency: 2 });
    const refs = Array.from({ length: 10 }, (_, index) => `mem:t${index}`);
    const results = await client.waitMany(refs, { intervalMs: 0, sleep: async () => {} });
    expect(results.every((result) => result.task?.status === 'succeeded')).toBe(true);
    expect(peak).toBe(2);
  });
});

describe('what a task client returns', () => {
  it('tasks are the providers’ own normalized tasks', async () => {
    const alpha = createVendor('alpha', { '1': ['finished'] });
    const task: Task = await createTaskClient({ providers: [alpha.provider] }).get('alpha:1');
    expect(task).toEqual({
      provider: 'alpha',
      id: 'alpha:1',
      status: 'succeeded',
      providerStatus: 'finished',
      isTerminal: true,
      steps: [],
      artifacts: [],
      metadata: {},
      raw: { id: '1', status: 'finished' },
    });
  });
});
