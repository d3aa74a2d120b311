import { describe, expect, it } from 'vitest';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { NotFoundError, RateLimitError } from '../errors/status-errors';
import { TaskWaitTimeoutError } from '../errors/task-wait-timeout-error';
import { buildPath } from '../http/build-path';
import { createHttpClient } from '../http/create-http-client';
import type { FetchFunction } from '../http/fetch-function';
import { createTask } from '../task/create-task';
import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import type { TaskStatus } from '../task/task-status';
import { waitForTask } from './wait-for-task';
import { watchTask } from './watch-task';

/** One scripted answer: a vendor body (status word, steps, artifacts) or an HTTP error. */
type Entry =
  | { word: string; steps?: number; artifacts?: number }
  | { http: number; headers?: Record<string, string> };

const WORDS: Record<string, TaskStatus> = {
  created: 'queued',
  started: 'running',
  awaiting: 'paused',
  finished: 'succeeded',
  failed: 'failed',
  stopped: 'cancelled',
  expired: 'timed_out',
};

/** A fake clock: sleeping moves it forward at once and records the pause. */
function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
      sleeps.push(ms);
      now += ms;
    },
  };
}

/**
 * A made-up vendor ("acme") built like a real provider: `createHttpClient` over a fetch stub that plays
 * a script per task id, and `createTask` to normalize. `GET /tasks/{id}` is the full view,
 * `GET /tasks/{id}/status` the light one (no steps). Each request takes the next entry; the last repeats.
 */
function createAcme(
  scripts: Record<string, Entry[]>,
  options: { withPoll?: boolean; fetch?: FetchFunction; now?: () => number } = {},
) {
  const requests: Array<{ path: string; options?: RequestOptions }> = [];
  const positions = new Map<string, number>();
  const scriptedFetch: FetchFunction = async (input) => {
    const path = new URL(String(input)).pathname;
    const id = decodeURIComponent(path.split('/')[3]!);
    const script = scripts[id];
    if (!script) return Response.json({ detail: 'Task not found' }, { status: 404 });
    const position = positions.get(id) ?? 0;
    positions.set(id, position + 1);
    const entry = script[Math.min(position, script.length - 1)]!;
    if ('http' in entry)
      return Response.json({ detail: `HTTP ${entry.http}` }, { status: entry.http, headers: entry.headers });
    const light = path.endsWith('/status');
    return Response.json({
      id,
      status: entry.word,
      ...(light
        ? {}
        : { steps: Array.from({ length: entry.steps ?? 0 }, (_, index) => ({ number: index + 1 })) }),
      ...(light
        ? {}
        : { files: Array.from({ length: entry.artifacts ?? 0 }, (_, index) => `file-${index}`) }),
    });
  };
  const http = createHttpClient({
    provider: 'acme',
    packageName: '@x/acme',
    packageVersion: '1.0.0',
    apiKeyEnvironmentVariable: 'ACME_TEST_KEY',
    baseURLEnvironmentVariable: 'ACME_TEST_BASE_URL',
    defaultBaseURL: 'https://acme.example.test/v1',
    apiKey: 'acme-key-000',
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    maxRetries: 0,
    fetch: options.fetch ?? scriptedFetch,
    now: options.now,
  });
  type Body = { id: string; status: string; steps?: Array<{ number: number }>; files?: string[] };
  const toTask = (body: Body): Task<Body> =>
    createTask({
      provider: 'acme',
      id: `acme:${body.id}`,
      status: WORDS[body.status] ?? 'unknown',
      providerStatus: body.status,
      steps: (body.steps ?? []).map((step) => ({ index: step.number - 1, raw: step })),
      artifacts: (body.files ?? []).map((name) => ({ kind: 'file', name })),
      raw: body,
    });
  const read = async (template: string, ref: string, requestOptions?: RequestOptions) => {
    const path = buildPath(template, { id: ref });
    requests.push({ path: path.replace(/^\/tasks/, ''), options: requestOptions });
    return toTask((await http.getJson<Body>(path, requestOptions)).data);
  };
  const provider: TaskProvider<string, Body> = {
    name: 'acme',
    getTask: (ref, requestOptions) => read('/tasks/{id}', ref, requestOptions),
    ...(options.withPoll
      ? {
          pollTask: (ref: string, requestOptions?: RequestOptions) =>
            read('/tasks/{id}/status', ref, requestOptions),
        }
      : {}),
    parseRef: (text) => text.replace(/^acme:/, ''),
    formatRef: (ref) => `acme:${ref}`,
  };
  return { provider, requests, paths: () => requests.map((request) => request.path) };
}

const describeTask = (task: Task) => `${task.providerStatus}/${task.steps.length}`;

describe('waitForTask', () => {
  for (const [word, status] of [
    ['finished', 'succeeded'],
    ['failed', 'failed'],
    ['stopped', 'cancelled'],
    ['expired', 'timed_out'],
  ] as const) {
    it(`resolves on the terminal "${word}" (${status})`, async () => {
      const acme = createAcme({ t1: [{ word: 'created' }, { word: 'started' }, { word, steps: 2 }] });
      const clock = fakeClock();
      const task = await waitForTask(acme.provider, 't1', { ...clock, intervalMs: 100 });
      expect(task).toMatchObject({ id: 'acme:t1', status, providerStatus: word, isTerminal: true });
      expect(task.steps).toHaveLength(2);
      expect(task.raw).toEqual({ id: 't1', status: word, steps: [{ number: 1 }, { number: 2 }], files: [] });
      expect(acme.paths()).toEqual(['/t1', '/t1', '/t1']);
      expect(clock.sleeps).toEqual([100, 100]);
    });
  }

  it('resolves on paused, and with stopOnPaused: false polls on to the terminal status', async () => {
    const script: Entry[] = [
      { word: 'started' },
      { word: 'awaiting' },
      { word: 'started' },
      { word: 'finished' },
    ];
    const paused = await waitForTask(createAcme({ t: script }).provider, 't', fakeClock());
    expect(paused.status).toBe('paused');
    expect(paused.isTerminal).toBe(false);
    const acme = createAcme({ t: script });
    const finished = await waitForTask(acme.provider, 't', { ...fakeClock(), stopOnPaused: false });
    expect(finished.status).toBe('succeeded');
    expect(acme.requests).toHaveLength(4);
  });

  it('keeps polling through an unknown vendor word', async () => {
    const acme = createAcme({
      t: [{ word: 'thinking-hard' }, { word: 'thinking-hard' }, { word: 'finished' }],
    });
    const updates: Task[] = [];
    const task = await waitForTask(acme.provider, 't', {
      ...fakeClock(),
      onUpdate: (update) => updates.push(update),
    });
    expect(task.status).toBe('succeeded');
    expect(updates.map((update) => [update.status, update.providerStatus])).toEqual([
      ['unknown', 'thinking-hard'],
      ['succeeded', 'finished'],
    ]);
  });

  it('a new vendor word is a change even when its normalized status stays the same', async () => {
    const acme = createAcme({
      t: [{ word: 'thinking-hard' }, { word: 'planning' }, { word: 'planning' }, { word: 'finished' }],
    });
    const updates: Task[] = [];
    const clock = fakeClock();
    await waitForTask(acme.provider, 't', {
      ...clock,
      intervalMs: 100,
      onUpdate: (update) => updates.push(update),
    });
    expect(updates.map((update) => [update.status, update.providerStatus])).toEqual([
      ['unknown', 'thinking-hard'],
      ['unknown', 'planning'],
      ['succeeded', 'finished'],
    ]);
    // The pause starts over after the new word, and grows only after a read that saw nothing new.
    expect(clock.sleeps).toEqual([100, 100, 150]);
  });

  it('times out with TaskWaitTimeoutError carrying the last task, never sleeping past the limit', async () => {
    const acme = createAcme({
      t: [{ word: 'created' }, { word: 'started', steps: 1 }, { word: 'started', steps: 4 }],
    });
    const clock = fakeClock();
    const error = (await waitForTask(acme.provider, 't', {
      ...clock,
      intervalMs: 1_000,
      backoffFactor: 2,
      maxIntervalMs: 10_000,
      timeoutMs: 8_500,
    }).catch((caught: unknown) => caught)) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error.taskId).toBe('acme:t');
    expect(error.timeoutMs).toBe(8_500);
    expect(error.lastTask && describeTask(error.lastTask)).toBe('started/4');
    expect(error.message).toBe('acme:t: not finished after 8500 ms (last status: running, "started")');
    // Three changes (1000 each), then 2000, then 4000 trimmed to what is left: 8500 in all.
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000, 2_000, 3_500]);
    expect(acme.requests).toHaveLength(6);
  });

  it('passes its deadline to every request, so no retry sleeps past it', async () => {
    const acme = createAcme({ t: [{ word: 'started' }, { word: 'finished' }] });
    const clock = fakeClock(50_000);
    await waitForTask(acme.provider, 't', {
      ...clock,
      timeoutMs: 7_000,
      request: { timeoutMs: 1_234, maxRetries: 1 },
    });
    expect(acme.requests.map((request) => request.options?.deadline)).toEqual([57_000, 57_000]);
    expect(acme.requests.map((request) => request.options?.timeoutMs)).toEqual([1_234, 1_234]);
    expect(acme.requests.map((request) => request.options?.maxRetries)).toEqual([1, 1]);
  });

  it('a 429 slows polling down (honouring its Retry-After) instead of failing', async () => {
    const acme = createAcme({
      t: [
        { word: 'started' },
        { http: 429, headers: { 'retry-after': '3' } },
        { http: 429 },
        { word: 'finished' },
      ],
    });
    const clock = fakeClock();
    const task = await waitForTask(acme.provider, 't', {
      ...clock,
      intervalMs: 100,
      backoffFactor: 1,
      maxIntervalMs: 1_000,
    });
    expect(task.status).toBe('succeeded');
    expect(acme.requests).toHaveLength(4);
    // 100 after the first read; 3000 (the server's hint, past maxIntervalMs); then doubled but capped at 1000.
    expect(clock.sleeps).toEqual([100, 3_000, 1_000]);
  });

  it('rate-limited until the limit: TaskWaitTimeoutError with the 429 as cause', async () => {
    const acme = createAcme({ t: [{ word: 'started' }, { http: 429 }] });
    const error = (await waitForTask(acme.provider, 't', {
      ...fakeClock(),
      intervalMs: 500,
      timeoutMs: 6_000,
    }).catch((caught: unknown) => caught)) as TaskWaitTimeoutError;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error.cause)).toBe(true);
    expect(error.lastTask?.status).toBe('running');
  });

  it('other errors end the wait at once', async () => {
    const acme = createAcme({ t: [{ word: 'started' }, { http: 404 }] });
    await expect(waitForTask(acme.provider, 't', fakeClock())).rejects.toSatisfy(NotFoundError.isInstance);
    expect(acme.requests).toHaveLength(2);
  });

  it('polls the light view, then reads the full task once at the end', async () => {
    const acme = createAcme(
      { t: [{ word: 'created' }, { word: 'started' }, { word: 'started' }, { word: 'finished', steps: 3 }] },
      { withPoll: true },
    );
    const updates: Task[] = [];
    const task = await waitForTask(acme.provider, 't', {
      ...fakeClock(),
      onUpdate: (update) => updates.push(update),
    });
    expect(acme.paths()).toEqual(['/t/status', '/t/status', '/t/status', '/t/status', '/t']);
    expect(describeTask(task)).toBe('finished/3');
    expect(updates.map(describeTask)).toEqual(['created/0', 'started/0', 'finished/3']);
    expect(updates.at(-1)).toBe(task);
  });

  it('calls onUpdate for changes only: status, vendor word, steps or artifacts', async () => {
    const acme = createAcme({
      t: [
        { word: 'created' },
        { word: 'created' },
        { word: 'started' },
        { word: 'started', steps: 1 },
        { word: 'started', steps: 1 },
        { word: 'started', steps: 1, artifacts: 1 },
        { word: 'started', steps: 1, artifacts: 1 },
        { word: 'finished', steps: 1, artifacts: 1 },
      ],
    });
    const updates: string[] = [];
    await waitForTask(acme.provider, 't', {
      ...fakeClock(),
      onUpdate: (update) => updates.push(`${describeTask(update)}/${update.artifacts.length}`),
    });
    expect(updates).toEqual(['created/0/0', 'started/0/0', 'started/1/0', 'started/1/1', 'finished/1/1']);
    expect(acme.requests).toHaveLength(8);
  });

  it('the interval grows by 1.5 while nothing changes, up to 30 s, from 2 s (the defaults)', async () => {
    const acme = createAcme({
      t: [...Array.from({ length: 9 }, () => ({ word: 'started' })), { word: 'finished' }],
    });
    const clock = fakeClock();
    await waitForTask(acme.provider, 't', clock);
    expect(clock.sleeps).toEqual([2_000, 3_000, 4_500, 6_750, 10_125, 15_187.5, 22_781.25, 30_000, 30_000]);
  });

  it('the interval starts over after a change', async () => {
    const acme = createAcme({
      t: [
        { word: 'started' },
        { word: 'started' },
        { word: 'started', steps: 1 },
        { word: 'started', steps: 1 },
        { word: 'finished' },
      ],
    });
    const clock = fakeClock();
    await waitForTask(acme.provider, 't', { ...clock, intervalMs: 100 });
    expect(clock.sleeps).toEqual([100, 150, 100, 150]);
  });

  it('an already-aborted signal makes no request', async () => {
    const acme = createAcme({ t: [{ word: 'started' }] });
    await expect(waitForTask(acme.provider, 't', { signal: AbortSignal.abort() })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    expect(acme.requests).toHaveLength(0);
  });

  it('an abort during an interval ends at once (real timers)', async () => {
    const acme = createAcme({ t: [{ word: 'started' }] });
    const controller = new AbortController();
    const pending = waitForTask(acme.provider, 't', { intervalMs: 30_000, signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(acme.requests).toHaveLength(1);
    const began = performance.now();
    controller.abort();
    const error = await pending;
    expect(performance.now() - began).toBeLessThan(50);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(acme.requests).toHaveLength(1);
  });

  it('an abort during a request ends at once (real timers)', async () => {
    const hanging: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const acme = createAcme({}, { fetch: hanging });
    const controller = new AbortController();
    const pending = waitForTask(acme.provider, 't', { signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const began = performance.now();
    controller.abort();
    expect(APIUserAbortError.isInstance(await pending)).toBe(true);
    expect(performance.now() - began).toBeLessThan(50);
  });

  it('timeoutMs also bounds a read that hangs (real timers)', { timeout: 5_000 }, async () => {
    const hanging: FetchFunction = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const acme = createAcme({}, { fetch: hanging });
    const began = performance.now();
    const error = await waitForTask(acme.provider, 't', { timeoutMs: 80 }).catch((caught: unknown) => caught);
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(performance.now() - began).toBeLessThan(1_000);
  });

  it('a read that hangs mid-wait is cut at the limit, and the error carries the last task seen', {
    timeout: 5_000,
  }, async () => {
    let calls = 0;
    const fetch: FetchFunction = (_input, init) => {
      calls++;
      if (calls === 1) return Promise.resolve(Response.json({ id: 't', status: 'started' }));
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const acme = createAcme({}, { fetch });
    const began = performance.now();
    const error = (await waitForTask(acme.provider, 't', { intervalMs: 20, timeoutMs: 150 }).catch(
      (caught: unknown) => caught,
    )) as TaskWaitTimeoutError;
    const took = performance.now() - began;
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect(error.lastTask?.providerStatus).toBe('started');
    expect(calls).toBe(2);
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(1_000);
  });

  it('a last read started right at the limit still gets its answer', async () => {
    const acme = createAcme({ t: [{ word: 'started' }, { word: 'finished' }] });
    const slow: TaskProvider<string, unknown> = {
      ...acme.provider,
      getTask: async (ref, requestOptions) => {
        await new Promise((resolve) => setTimeout(resolve, 30)); // real latency, after the fake clock ran out
        return acme.provider.getTask(ref, requestOptions);
      },
    };
    const clock = fakeClock();
    const task = await waitForTask(slow, 't', { ...clock, intervalMs: 5_000, timeoutMs: 5_000 });
    expect(task.status).toBe('succeeded');
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('timeoutMs bounds a provider that ignores the signal too (real timers)', {
    timeout: 5_000,
  }, async () => {
    const stuck: TaskProvider<string, unknown> = {
      name: 'stuck',
      getTask: () => new Promise<never>(() => {}),
      parseRef: (text) => text,
      formatRef: (ref) => `stuck:${ref}`,
    };
    const error = await waitForTask(stuck, 'x', { timeoutMs: 60 }).catch((caught: unknown) => caught);
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as TaskWaitTimeoutError).taskId).toBe('stuck:x');
    const controller = new AbortController();
    const pending = waitForTask(stuck, 'x', { signal: controller.signal }).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(APIUserAbortError.isInstance(await pending)).toBe(true);
  });

  it.each([
    ['intervalMs', -1],
    ['intervalMs', Number.NaN],
    ['maxIntervalMs', -5],
    ['backoffFactor', 0.5],
    ['backoffFactor', Number.NaN],
    ['timeoutMs', -1],
    ['timeoutMs', Number.NaN],
  ])('refuses %s = %s before any request', async (option, value) => {
    const acme = createAcme({ t: [{ word: 'finished' }] });
    const error = await waitForTask(acme.provider, 't', { [option]: value }).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe(option);
    expect(acme.requests).toHaveLength(0);
  });

  it('timeoutMs: Infinity waits without a limit', async () => {
    const acme = createAcme({ t: [{ word: 'started' }, { word: 'finished' }] });
    expect(
      (await waitForTask(acme.provider, 't', { ...fakeClock(), timeoutMs: Number.POSITIVE_INFINITY })).status,
    ).toBe('succeeded');
  });
});

describe('watchTask', () => {
  it('yields each change of the full task and ends at the terminal status', async () => {
    const acme = createAcme(
      {
        t: [
          { word: 'created' },
          { word: 'started', steps: 1 },
          { word: 'started', steps: 1 },
          { word: 'started', steps: 2 },
          { word: 'failed', steps: 2 },
          { word: 'failed', steps: 2 },
        ],
      },
      { withPoll: true },
    );
    const seen: string[] = [];
    const updates: string[] = [];
    for await (const task of watchTask(acme.provider, 't', {
      ...fakeClock(),
      onUpdate: (update) => updates.push(describeTask(update)),
    })) {
      seen.push(describeTask(task));
    }
    expect(seen).toEqual(['created/0', 'started/1', 'started/2', 'failed/2']);
    expect(updates).toEqual(seen);
    expect(acme.paths()).toEqual(['/t', '/t', '/t', '/t', '/t']); // the full view, never the light one
  });

  it('ends at paused unless stopOnPaused is false', async () => {
    const script: Entry[] = [{ word: 'started' }, { word: 'awaiting' }, { word: 'finished' }];
    const seen: string[] = [];
    for await (const task of watchTask(createAcme({ t: script }).provider, 't', fakeClock()))
      seen.push(task.status);
    expect(seen).toEqual(['running', 'paused']);
    seen.length = 0;
    for await (const task of watchTask(createAcme({ t: script }).provider, 't', {
      ...fakeClock(),
      stopOnPaused: false,
    })) {
      seen.push(task.status);
    }
    expect(seen).toEqual(['running', 'paused', 'succeeded']);
  });

  it('breaking out of the loop stops the polling (real timers)', async () => {
    const acme = createAcme({
      t: [
        { word: 'started', steps: 1 },
        { word: 'started', steps: 2 },
        { word: 'started', steps: 3 },
      ],
    });
    for await (const task of watchTask(acme.provider, 't', { intervalMs: 1 })) {
      if (task.steps.length === 2) break;
    }
    const atBreak = acme.requests.length;
    expect(atBreak).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(acme.requests).toHaveLength(atBreak);
  });

  it('times out with TaskWaitTimeoutError after yielding what it saw', async () => {
    const acme = createAcme({ t: [{ word: 'started' }] });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const task of watchTask(acme.provider, 't', {
        ...fakeClock(),
        intervalMs: 1_000,
        timeoutMs: 3_000,
      })) {
        seen.push(task.status);
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['running']);
    expect(TaskWaitTimeoutError.isInstance(error)).toBe(true);
    expect((error as TaskWaitTimeoutError).lastTask?.status).toBe('running');
  });
});
