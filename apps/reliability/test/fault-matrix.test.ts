import { isDeepStrictEqual } from 'node:util';
import {
  type AnyTaskProvider,
  APIError,
  InvalidResponseError,
  type ProviderSettings,
  RateLimitError,
  type Task,
  waitForTask,
} from '@x/core';
import type { Fault } from '@x/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorClassOf, errorProblems, taskProblems } from './support/check-task';
import { ADAPTERS, getTask, ok, type ProviderAdapter, type Sandbox } from './support/providers';
import { createRecorder, type FaultRow, shorten } from './support/report';

const recorder = createRecorder<FaultRow>('faults');
afterAll(() => recorder.flush());

const MB = 1024 * 1024;
const HTML_502 =
  '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n' +
  `<hr><center>nginx</center>\n${'<!-- padding -->\n'.repeat(20)}</body>\n</html>\n`;
const HTML_200 = '<!doctype html><html><head><title>Sign in</title></head><body><form>…</form></body></html>';
const UNKNOWN_WORD = 'waiting_for_review';
/** The expected outcome "the running task, as the sandbox serves it" (its first stage, `queued` or `running`). */
const RUNNING = 'Task (running task)';

/** A 50 MB body, allocated once (the server sends it without copying it). */
let bigBody: Buffer | undefined;
const fiftyMegabytes = () => {
  if (!bigBody) {
    bigBody = Buffer.alloc(50 * MB, 'a');
    bigBody.write('{"id":"', 0);
  }
  return bigBody;
};

interface Context {
  adapter: ProviderAdapter;
  sandbox: Sandbox;
  ref: unknown;
  provider: AnyTaskProvider;
  /** Filled by `faults()` for cases whose expected wait depends on the clock. */
  expectedWaitMs?: number;
  /** Memory growth measured by the case, in MB. */
  growth?: { rssMB: number; heapMB: number };
  /** Statuses reported by `onUpdate`, for the polling case. */
  seen?: string[];
}

interface Outcome {
  task?: Task;
  error?: unknown;
  ms: number;
}

interface MatrixCase {
  name: string;
  /** What the server does, for the report. */
  fault: string;
  faults(context: Context): Fault[];
  /** `'Task (<status>)'` or an error class name. */
  outcome: string;
  /** Requests the task endpoint must see: an exact count or an inclusive range. */
  attempts: number | [number, number];
  settings?: ProviderSettings;
  /** Another task than the default running one. */
  task?(context: Context): unknown;
  /** Another call than `getTask`. */
  call?(context: Context): Promise<Task>;
  /** Extra checks: the problems found. */
  verify?(outcome: Outcome, context: Context): string[] | Promise<string[]>;
  /** Only for some providers. */
  only?(adapter: ProviderAdapter): boolean;
}

const once = (fault: Fault): Fault => ({ ...fault, times: 1 });
const always = (fault: Fault): Fault => ({ ...fault, times: Number.POSITIVE_INFINITY });
const vendorError = (context: Context, status: number, text: string): Fault => ({
  status,
  body: context.adapter.errorBody(text),
});

/** Checks that an APIError kept the vendor's body and text, in a one-line message. */
function keptBody(expectedBody: (context: Context) => unknown, messageIncludes?: string) {
  return ({ error }: Outcome, context: Context): string[] => {
    const problems: string[] = [];
    const body = (error as { body?: unknown })?.body;
    if (!isDeepStrictEqual(body, expectedBody(context)))
      problems.push(`body not kept: ${shorten(JSON.stringify(body) ?? 'undefined', 80)}`);
    const message = (error as Error)?.message ?? '';
    if (messageIncludes && !message.includes(messageIncludes))
      problems.push(`message lacks "${messageIncludes}"`);
    return problems;
  };
}

const between = (ms: number, min: number, max: number, what: string) =>
  ms >= min && ms <= max ? [] : [`${what}: took ${Math.round(ms)} ms, expected ${min}-${max} ms`];

/** RSS growth of a call, with a GC before and after (the workers run with --expose-gc). */
async function rssGrowth(run: () => Promise<unknown>): Promise<{ rssMB: number; heapMB: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  await run();
  const heapAtEnd = process.memoryUsage().heapUsed;
  gc?.();
  const after = process.memoryUsage();
  return {
    rssMB: Math.round(((after.rss - before.rss) / MB) * 10) / 10,
    heapMB: Math.round(((heapAtEnd - before.heapUsed) / MB) * 10) / 10,
  };
}

const CASES: MatrixCase[] = [
  // --- rate limits and Retry-After
  {
    name: '429, Retry-After: 0',
    fault: '429 once, `Retry-After: 0`',
    faults: (c) => [once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': '0' } })],
    outcome: RUNNING,
    attempts: 2,
  },
  {
    name: '429, Retry-After in seconds is honoured',
    fault: '429 once, `Retry-After: 1`',
    settings: { maxRetryDelayMs: undefined },
    faults: (c) => [once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': '1' } })],
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }) => between(ms, 950, 2_500, 'waited for Retry-After: 1'),
  },
  {
    name: '429, Retry-After as an HTTP date is honoured',
    fault: '429 once, `Retry-After: <HTTP date, the next whole second>`',
    settings: { maxRetryDelayMs: undefined },
    faults: (c) => {
      // HTTP dates count whole seconds: the next one is 0-1 s ahead (at least 100 ms, to see a wait).
      const date = Math.ceil((Date.now() + 100) / 1_000) * 1_000;
      c.expectedWaitMs = date - Date.now();
      const header = new Date(date).toUTCString();
      return [once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': header } })];
    },
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }, c) =>
      between(ms, (c.expectedWaitMs ?? 0) - 100, (c.expectedWaitMs ?? 0) + 1_500, 'waited until the date'),
  },
  {
    name: '429, Retry-After as an HTTP date in the past',
    fault: '429 once, `Retry-After: <HTTP date 1 h ago>`',
    settings: { maxRetryDelayMs: undefined },
    faults: (c) => [
      once({
        ...vendorError(c, 429, 'Too many requests'),
        headers: { 'retry-after': new Date(Date.now() - 3_600_000).toUTCString() },
      }),
    ],
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }) => between(ms, 0, 500, 'retried at once'),
  },
  {
    name: '429, Retry-After beyond the cap waits the cap',
    fault: '429 once, `Retry-After: 3600`, client `maxRetryDelayMs: 50`',
    settings: { maxRetryDelayMs: 50 },
    faults: (c) => [
      once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': '3600' } }),
    ],
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }) => between(ms, 45, 1_000, 'waited the 50 ms cap, not the hour'),
  },
  {
    name: '429, retry-after-ms',
    fault: '429 once, `retry-after-ms: 150`',
    settings: { maxRetryDelayMs: undefined },
    faults: (c) => [
      once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after-ms': '150' } }),
    ],
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }) => between(ms, 140, 1_500, 'waited retry-after-ms'),
  },
  {
    name: '429, unreadable Retry-After falls back to backoff',
    fault: '429 once, `Retry-After: soon`',
    faults: (c) => [
      once({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': 'soon' } }),
    ],
    outcome: RUNNING,
    attempts: 2,
    verify: ({ ms }) => between(ms, 0, 1_000, 'backoff capped at 20 ms'),
  },
  {
    name: '429 that never ends',
    fault: '429 every time, `Retry-After: 0`',
    faults: (c) => [always({ ...vendorError(c, 429, 'Too many requests'), headers: { 'retry-after': '0' } })],
    outcome: 'RateLimitError',
    attempts: 3,
    verify: (outcome, c) => [
      ...keptBody(() => c.adapter.errorBody('Too many requests'), 'Too many requests')(outcome, c),
      ...(RateLimitError.isInstance(outcome.error) && outcome.error.retryAfterMs === 0
        ? []
        : ['retryAfterMs is not 0']),
    ],
  },
  // --- server errors
  ...[500, 502, 503, 504].flatMap((status): MatrixCase[] => {
    const html = status === 502;
    const body = (c: Context) => (html ? HTML_502 : c.adapter.errorBody(`upstream said ${status}`));
    const serve = (c: Context): Fault =>
      html ? { status, body: HTML_502, headers: { 'content-type': 'text/html' } } : { status, body: body(c) };
    const what = html ? `${status} with an nginx HTML page` : `${status} with the vendor's error body`;
    return [
      {
        name: `${status}${html ? ' HTML page' : ''}, once`,
        fault: `${what}, once`,
        faults: (c) => [once(serve(c))],
        outcome: RUNNING,
        attempts: 2,
      },
      {
        name: `${status}${html ? ' HTML page' : ''}, every time`,
        fault: `${what}, every time`,
        faults: (c) => [always(serve(c))],
        outcome: 'InternalServerError',
        attempts: 3,
        verify: (outcome, c) => {
          const problems = keptBody(body, html ? '502 Bad Gateway' : `upstream said ${status}`)(outcome, c);
          const message = (outcome.error as Error)?.message ?? '';
          if (html && message !== `${c.adapter.name} 502: 502 Bad Gateway`)
            problems.push(`message "${message}"`);
          return problems;
        },
      },
    ];
  }),
  {
    name: 'two transient faults use the whole budget',
    fault: '503, then a reset, then the task',
    faults: (c) => [once(vendorError(c, 503, 'busy')), once({ reset: true })],
    outcome: RUNNING,
    attempts: 3,
  },
  // --- connections
  {
    name: 'reset before headers, once',
    fault: 'TCP reset before any byte, once',
    faults: () => [once({ reset: true })],
    outcome: RUNNING,
    attempts: 2,
  },
  {
    name: 'reset before headers, every time',
    fault: 'TCP reset before any byte, every time',
    faults: () => [always({ reset: true })],
    outcome: 'APIConnectionError',
    attempts: 3,
  },
  {
    name: 'connection cut mid-body, once',
    fault: 'full content-length, 20 bytes, then close; once',
    faults: () => [once({ truncateAfterBytes: 20 })],
    outcome: RUNNING,
    attempts: 2,
  },
  {
    name: 'connection cut mid-body, every time',
    fault: 'full content-length, 20 bytes, then close; every time',
    faults: () => [always({ truncateAfterBytes: 20 })],
    outcome: 'APIConnectionError',
    attempts: 3,
  },
  {
    name: 'headers slower than the timeout, once',
    fault: 'headers after 1 s, client `timeoutMs: 100`; once',
    settings: { timeoutMs: 100 },
    faults: () => [once({ delayMs: 1_000 })],
    outcome: RUNNING,
    attempts: 2,
  },
  {
    name: 'headers slower than the timeout, every time',
    fault: 'headers after 1 s, client `timeoutMs: 100`; every time',
    settings: { timeoutMs: 100 },
    faults: () => [always({ delayMs: 1_000 })],
    outcome: 'APIConnectionTimeoutError',
    attempts: 3,
    verify: ({ ms }) => between(ms, 290, 1_500, 'three 100 ms attempts'),
  },
  {
    name: 'body slower than the timeout, once',
    fault: 'headers and 10 bytes, then silence; client `timeoutMs: 150`; once',
    settings: { timeoutMs: 150 },
    faults: () => [once({ stallAfterBytes: 10 })],
    outcome: RUNNING,
    attempts: 2,
  },
  {
    name: 'body slower than the timeout, every time',
    fault: 'headers and 10 bytes, then silence; client `timeoutMs: 150`; every time',
    settings: { timeoutMs: 150 },
    faults: () => [always({ stallAfterBytes: 10 })],
    outcome: 'APIConnectionTimeoutError',
    attempts: 3,
    verify: ({ ms }) => between(ms, 440, 2_000, 'three 150 ms attempts'),
  },
  {
    name: 'slow body within the timeout',
    fault: 'body in 64-byte chunks 2 ms apart',
    settings: { timeoutMs: 10_000 },
    faults: () => [once({ chunkDelayMs: 2, chunkSize: 64 })],
    outcome: RUNNING,
    attempts: 1,
  },
  ...(
    [
      [100, 'APIConnectionError'],
      [101, 'APIConnectionTimeoutError'],
      [103, 'APIConnectionTimeoutError'],
    ] as const
  ).map(
    ([status, outcome]): MatrixCase => ({
      name: `a ${status} status as the final answer`,
      fault: `\`${status}\` with a JSON body, client \`timeoutMs: 150\`, \`maxRetries: 0\``,
      settings: { timeoutMs: 150, maxRetries: 0 },
      faults: () => [once({ status, body: { id: 'x' } })],
      outcome,
      attempts: 1,
    }),
  ),
  {
    name: 'a redirect is not followed',
    fault: '`302` to another host',
    faults: () => [once({ status: 302, headers: { location: 'https://elsewhere.test/tasks/1' }, body: '' })],
    outcome: 'APIError',
    attempts: 1,
    verify: ({ error }) =>
      APIError.isInstance(error) && error.status === 302 && error.message.includes('not followed')
        ? []
        : ['not an APIError 302 saying the redirect was not followed'],
  },
  // --- 2xx bodies that are not the promised JSON
  {
    name: 'truncated JSON, complete on the wire',
    fault: '200, body `{"id":` (its full length)',
    faults: () => [once({ status: 200, body: '{"id":', headers: { 'content-type': 'application/json' } })],
    outcome: 'InvalidResponseError',
    attempts: 1,
    verify: ({ error }) =>
      InvalidResponseError.isInstance(error) && error.body === '{"id":' ? [] : ['body not kept'],
  },
  {
    name: '200 with an HTML page',
    fault: '200, a login page in HTML',
    faults: () => [once({ status: 200, body: HTML_200, headers: { 'content-type': 'text/html' } })],
    outcome: 'InvalidResponseError',
    attempts: 1,
    verify: ({ error }) =>
      InvalidResponseError.isInstance(error) && error.body === HTML_200 ? [] : ['body not kept'],
  },
  {
    name: '200 with an empty body',
    fault: '200, no body',
    faults: () => [once({ status: 200 })],
    outcome: 'InvalidResponseError',
    attempts: 1,
  },
  {
    name: '200 with a JSON array',
    fault: '200, `[]`',
    faults: () => [once(ok([]))],
    outcome: 'InvalidResponseError',
    attempts: 1,
    verify: ({ error }) =>
      InvalidResponseError.isInstance(error) && error.body === '[]' ? [] : ['body not kept'],
  },
  {
    name: '200 with `null`',
    fault: '200, `null`',
    faults: () => [once(ok(null))],
    outcome: 'InvalidResponseError',
    attempts: 1,
  },
  {
    name: '200 with a 50 MB body',
    fault: '200, 50 MB, content-length sent; default `maxResponseBytes` (16 MiB)',
    faults: () => [
      once({ status: 200, body: fiftyMegabytes(), headers: { 'content-type': 'application/json' } }),
    ],
    outcome: 'ResponseTooLargeError',
    attempts: 1,
    call: measured,
    verify: (_outcome, c) => (c.growth && c.growth.rssMB < 40 ? [] : [`RSS grew ${c.growth?.rssMB} MB`]),
  },
  {
    name: '200 with a 50 MB body, streamed',
    fault: '200, 50 MB without content-length (chunked); `maxResponseBytes: 1 MiB`',
    settings: { maxResponseBytes: MB, fetch: withoutContentLength },
    faults: () => [
      once({ status: 200, body: fiftyMegabytes(), headers: { 'content-type': 'application/json' } }),
    ],
    outcome: 'ResponseTooLargeError',
    attempts: 1,
    call: measured,
    verify: (_outcome, c) => (c.growth && c.growth.rssMB < 40 ? [] : [`RSS grew ${c.growth?.rssMB} MB`]),
  },
  {
    name: '200 with a 50 MB body, streamed, default limit',
    fault: '200, 50 MB without content-length (chunked); default `maxResponseBytes` (16 MiB)',
    settings: { fetch: withoutContentLength },
    faults: () => [
      once({ status: 200, body: fiftyMegabytes(), headers: { 'content-type': 'application/json' } }),
    ],
    outcome: 'ResponseTooLargeError',
    attempts: 1,
    call: measured,
    // Reading all 50 MB as text would take 50 MB of heap or more; stopping at the limit takes less.
    verify: (_outcome, c) => (c.growth && c.growth.heapMB < 50 ? [] : [`heap grew ${c.growth?.heapMB} MB`]),
  },
  // --- status words and sparse bodies
  {
    name: 'a status word never seen (sandbox stages)',
    fault: `the task's stage says \`${UNKNOWN_WORD}\``,
    task: (c) => c.adapter.unknownWordTask(c.sandbox, UNKNOWN_WORD, 600_000),
    faults: () => [],
    outcome: 'Task (unknown)',
    attempts: 1,
    verify: ({ task }) =>
      task?.providerStatus === UNKNOWN_WORD && !task.isTerminal ? [] : ['vendor word not kept'],
  },
  {
    name: 'a status word never seen, then the end: polling goes on',
    fault: `\`${UNKNOWN_WORD}\` for 60 ms, then the vendor's success word; \`waitForTask\``,
    task: (c) => c.adapter.unknownWordTask(c.sandbox, UNKNOWN_WORD, 60),
    faults: () => [],
    call: (c) => {
      c.seen = [];
      return waitForTask(c.provider, c.ref, {
        intervalMs: 10,
        maxIntervalMs: 20,
        timeoutMs: 5_000,
        onUpdate: (update) => c.seen?.push(update.status),
      });
    },
    outcome: 'Task (succeeded)',
    attempts: [0, 50],
    verify: (_outcome, c) => (c.seen?.[0] === 'unknown' ? [] : [`updates were ${c.seen?.join(', ')}`]),
  },
  {
    name: 'a status word never seen, in a 200 body',
    fault: `200, a spec-valid body with status \`${UNKNOWN_WORD}\``,
    faults: (c) => [once(ok(c.adapter.bodyWithStatus(c.ref, UNKNOWN_WORD)))],
    outcome: 'Task (unknown)',
    attempts: 1,
    verify: ({ task }) => (task?.providerStatus === UNKNOWN_WORD ? [] : ['vendor word not kept']),
  },
  {
    name: "the body's own id differs from the reference",
    fault: '200, a spec-valid body whose id is `task_1`',
    only: (adapter) => adapter.bodyWithOtherId !== undefined,
    faults: (c) => [once(ok(c.adapter.bodyWithOtherId?.(c.ref, 'task_1')))],
    outcome: 'Task (running)',
    attempts: 1,
    verify: ({ task }, c) =>
      task === undefined || task.id === c.provider.formatRef(c.ref)
        ? []
        : [
            `Task.id is ${JSON.stringify(task.id)}, not the reference's ${JSON.stringify(c.provider.formatRef(c.ref))}`,
          ],
  },
  {
    name: 'a 422 whose `loc` holds an object',
    fault: '422 `{"detail":[{"loc":["path",{"toString":1}],"msg":"Input should be a valid UUID"}]}`',
    faults: () => [
      always({
        status: 422,
        body: '{"detail":[{"loc":["path",{"toString":1}],"msg":"Input should be a valid UUID","type":"uuid_parsing"}]}',
        headers: { 'content-type': 'application/json' },
      }),
    ],
    outcome: 'UnprocessableEntityError',
    attempts: 1,
  },
];

describe.each(ADAPTERS)('$name: fault matrix', (adapter) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await adapter.createSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const cases = [
    ...CASES,
    ...sparseCases(adapter),
    ...(adapter.name === 'anchor' ? [anchorHugeExecutionTime] : []),
    ...(adapter.name === 'browser-use' ? [browserUseHugeStepDuration] : []),
  ];
  for (const [order, matrixCase] of cases.entries()) {
    if (matrixCase.only && !matrixCase.only(adapter)) continue;
    it(matrixCase.name, async () => {
      sandbox.server.clearFaults();
      sandbox.server.clearRequests();
      const settings: ProviderSettings = {
        apiKey: sandbox.apiKey,
        baseURL: sandbox.baseURL,
        maxRetryDelayMs: 20,
        ...matrixCase.settings,
      };
      const provider = adapter.create(settings);
      const context: Context = { adapter, sandbox, provider, ref: undefined };
      context.ref = matrixCase.task ? matrixCase.task(context) : adapter.runningTask(sandbox);
      for (const fault of matrixCase.faults(context)) sandbox.injectFault(fault);

      const started = performance.now();
      const outcome: Outcome = { ms: 0 };
      try {
        outcome.task = await (matrixCase.call ? matrixCase.call(context) : getTask(provider, context.ref));
      } catch (error) {
        outcome.error = error;
      }
      outcome.ms = performance.now() - started;

      const attempts = sandbox.server.countRequests({ path: adapter.taskPath });
      const observed = outcome.task ? `Task (${outcome.task.status})` : errorClassOf(outcome.error);
      const expected =
        matrixCase.outcome === RUNNING ? `Task (${adapter.runningTaskStatus})` : matrixCase.outcome;
      const [minAttempts, maxAttempts] =
        typeof matrixCase.attempts === 'number'
          ? [matrixCase.attempts, matrixCase.attempts]
          : matrixCase.attempts;
      const problems: string[] = [];
      if (observed !== expected) problems.push(`${observed}, expected ${expected}`);
      if (attempts < minAttempts || attempts > maxAttempts) {
        problems.push(
          `${attempts} attempts, expected ${minAttempts === maxAttempts ? minAttempts : `${minAttempts}-${maxAttempts}`}`,
        );
      }
      if (outcome.task) problems.push(...taskProblems(outcome.task, provider));
      if (outcome.error !== undefined) problems.push(...errorProblems(outcome.error));
      problems.push(...(await (matrixCase.verify?.(outcome, context) ?? [])));

      recorder.add({
        provider: adapter.name,
        order,
        case: matrixCase.name,
        fault: matrixCase.fault,
        expected: `${expected}, ${typeof matrixCase.attempts === 'number' ? matrixCase.attempts : matrixCase.attempts.join('-')} attempt(s)`,
        attempts,
        outcome: observed,
        ms: Math.round(outcome.ms),
        message: [
          outcome.error instanceof Error ? shorten(outcome.error.message) : '',
          context.growth
            ? `(RSS ${signed(context.growth.rssMB)} MB, heap ${signed(context.growth.heapMB)} MB)`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
        problems,
      });
      expect(problems).toEqual([]);
    });
  }
});

/** `getTask` with the memory growth of the call noted in the context. */
async function measured(context: Context): Promise<Task> {
  let task: Task | undefined;
  let failure: unknown;
  context.growth = await rssGrowth(async () => {
    try {
      task = await getTask(context.provider, context.ref);
    } catch (error) {
      failure = error;
    }
  });
  if (task === undefined) throw failure;
  return task;
}

const signed = (value: number) => (value >= 0 ? `+${value}` : String(value));

/** Serves the real answer without its content-length, so the client has to stream and count. */
async function withoutContentLength(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(response.body, { status: response.status, headers });
}

function sparseCases(adapter: ProviderAdapter): MatrixCase[] {
  // The bodies depend on the reference, which exists only once the case runs: build them lazily.
  const probe = adapter.sparseBodies(undefined);
  return probe.map(
    (bodyCase, index): MatrixCase => ({
      name: bodyCase.label,
      fault: `200, ${bodyCase.label}`,
      faults: (c) => adapter.sparseBodies(c.ref)[index]?.faults ?? [],
      outcome: `Task (${bodyCase.status})`,
      attempts: 1,
    }),
  );
}

const anchorHugeExecutionTime: MatrixCase = {
  name: 'an executionTime past the Date range',
  fault: '200, a finished execution with `executionTime: 1e16`',
  faults: (c) => {
    const body = c.adapter.bodyWithStatus(c.ref, 'success') as { data: Record<string, unknown> };
    return [once(ok({ data: { ...body.data, executionTime: 1e16 } }))];
  },
  outcome: 'Task (succeeded)',
  attempts: 1,
};

const browserUseHugeStepDuration: MatrixCase = {
  name: 'a step duration past the number range',
  fault: '200, a step with `duration: 1e308` (seconds)',
  faults: (c) => {
    const body = c.adapter.bodyWithStatus(c.ref, 'started') as Record<string, unknown>;
    const step = {
      number: 1,
      memory: '',
      evaluationPreviousGoal: '',
      nextGoal: '',
      url: '',
      actions: [],
      duration: 1e308,
    };
    return [once(ok({ ...body, steps: [step] }))];
  },
  outcome: 'Task (running)',
  attempts: 1,
};
