import fc from 'fast-check';

// Generators of what a vendor (or a proxy in front of it) might answer. Vendor-shaped bodies start
// valid and get a few mutations (a field deleted, set to null, or set to junk), so most runs reach the
// provider's converter instead of stopping at its response guard.

/** Objects a JSON parser happily builds and careless code trips on (copied at each use). */
export const oddObject: fc.Arbitrary<unknown> = fc
  .constantFrom<unknown>(
    { toString: 1 },
    { valueOf: {} },
    { toString: 'x', valueOf: 'y' },
    { constructor: 1 },
    { length: 5 },
    // A thenable, from JSON as a server would send it.
    JSON.parse('{"then": 1}'),
    JSON.parse('{"__proto__": {"status": "finalized", "polluted": true}}'),
    {},
    [],
  )
  .map((value) => structuredClone(value));

const junkScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    '\n',
    'null',
    'NaN',
    'undefined',
    '2025-13-45T99:99:99',
    '0000-00-00',
    '+275760-09-13T00:00:00.001Z',
    '-271821-04-19T23:59:59.999Z',
    -1,
    0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    1e16,
    true,
    false,
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any wrong value. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: junkScalar },
  { weight: 1, arbitrary: oddObject },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Timestamps in the shapes vendors send, and some they should not. */
export const timestamp: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
  {
    weight: 2,
    arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('Z', '')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4_102_444_800_000 }) },
  { weight: 1, arbitrary: junkScalar },
);

export const text = fc.string({ maxLength: 30 });
const uuid = fc.uuid();
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });

/** Deletes a key, or sets it to null or junk, a few times over (top level and one level down). */
export function mutated(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const mutation = fc.record({
    kind: fc.constantFrom('delete', 'null', 'junk', 'extra'),
    path: fc.nat(),
    deep: fc.boolean(),
    value: junk,
    key: fc.oneof(text, fc.constantFrom('__proto__', 'toString', 'constructor', 'status', 'data', 'results')),
  });
  return fc.tuple(base, fc.array(mutation, { maxLength: 3 })).map(([value, mutations]) => {
    const copy = structuredClone(value);
    for (const change of mutations) {
      let target: Record<string, unknown> = copy;
      if (change.deep) {
        const nested = Object.values(copy).filter(
          (item): item is Record<string, unknown> =>
            typeof item === 'object' && item !== null && !Array.isArray(item),
        );
        if (nested.length > 0) target = nested[change.path % nested.length]!;
      }
      const keys = Object.keys(target);
      const key = change.kind === 'extra' ? change.key : keys[change.path % Math.max(1, keys.length)];
      if (key === undefined) continue;
      if (change.kind === 'delete') delete target[key];
      else {
        // A copy: the junk objects are shared constants, and the body must stay a tree.
        const value = change.kind === 'null' ? null : structuredClone(change.value);
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    return copy;
  });
}

/** Vendor error bodies, with the odd values careless message extraction trips on. */
export const errorBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ detail: fc.oneof(text, junk) }),
  fc.record({
    detail: fc.array(
      fc.record(
        {
          loc: fc.array(fc.oneof(text, fc.integer(), oddObject), { maxLength: 3 }),
          msg: fc.oneof(text, junk),
          type: text,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
  }),
  fc.record(
    { loc: fc.array(fc.oneof(text, fc.integer(), oddObject)), msg: text, type: text },
    { requiredKeys: [] },
  ),
  fc.record({
    error: fc.oneof(
      text,
      junk,
      fc.record({ code: fc.integer(), message: fc.oneof(text, junk) }, { requiredKeys: [] }),
    ),
  }),
  fc.record({ message: fc.oneof(text, junk) }),
  fc.record(
    {
      error: text,
      limit_rps: fc.oneof(fc.integer(), junk),
      retry_after_seconds: fc.oneof(fc.integer(), fc.double(), junk),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(
    '<html><head><title>Bad gateway</title></head></html>',
    '<html><body><h1>Oops</h1></body></html>',
  ),
);

// --- Browser Use

const browserUseStatus = fc.oneof(
  fc.constantFrom('created', 'started', 'finished', 'failed', 'stopped'),
  text,
);

const browserUseStep = fc.record({
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  memory: text,
  evaluationPreviousGoal: text,
  nextGoal: text,
  url: text,
  screenshotUrl: nullable(text),
  actions: fc.array(
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
      text,
    ),
    { maxLength: 3 },
  ),
  duration: nullable(fc.oneof(fc.double({ min: 0, max: 600, noNaN: true }), fc.constantFrom(1e308, -1))),
});

/** A Browser Use `TaskView` for the task `id`. */
export function browserUseTaskView(id: string): fc.Arbitrary<Record<string, unknown>> {
  return mutated(
    fc.record(
      {
        id: fc.oneof(
          { weight: 9, arbitrary: fc.constant(id) },
          { weight: 1, arbitrary: fc.oneof(uuid, text) },
        ),
        sessionId: uuid,
        llm: text,
        task: text,
        status: browserUseStatus,
        createdAt: timestamp,
        startedAt: nullable(timestamp),
        finishedAt: nullable(timestamp),
        metadata: fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
        steps: fc.array(browserUseStep, { maxLength: 4 }),
        output: nullable(text),
        outputFiles: fc.array(fc.record({ id: uuid, fileName: text }), { maxLength: 2 }),
        browserUseVersion: nullable(text),
        isSuccess: nullable(fc.boolean()),
        judgement: nullable(text),
        judgeVerdict: nullable(fc.boolean()),
        cost: nullable(
          fc.oneof(
            fc.double({ min: 0, max: 100, noNaN: true }).map((value) => value.toFixed(4)),
            text,
          ),
        ),
        suggestions: nullable(fc.array(fc.dictionary(text, text, { maxKeys: 2 }), { maxLength: 2 })),
      },
      { requiredKeys: ['id', 'sessionId', 'llm', 'task', 'status', 'createdAt', 'steps', 'outputFiles'] },
    ),
  );
}

// --- Anchor

const anchorStatus = fc.oneof(
  fc.constantFrom('queued', 'running', 'success', 'failure', 'timeout', 'cancelled', ' SUCCESS '),
  text,
);

/** An Anchor `TaskExecutionResultResponse` for the execution `id`. */
export function anchorExecutionResponse(id: string): fc.Arbitrary<Record<string, unknown>> {
  return mutated(
    fc.record({
      data: fc.record(
        {
          id: fc.oneof(fc.constant(id), uuid),
          taskVersionId: uuid,
          version: text,
          status: anchorStatus,
          output: nullable(text),
          errorMessage: nullable(text),
          startTime: timestamp,
          executionTime: nullable(
            fc.oneof(
              fc.nat(),
              fc.double({ noNaN: true, noDefaultInfinity: true }),
              fc.constantFrom(1e16, 1e308),
            ),
          ),
        },
        { requiredKeys: ['id', 'taskVersionId', 'version', 'status', 'startTime'] },
      ),
    }),
  );
}

/** An Anchor `TaskRunStatusV2Response` for the run `runId`. */
export function anchorRunStatus(runId: string): fc.Arbitrary<Record<string, unknown>> {
  return mutated(
    fc.record(
      {
        run_id: fc.oneof(fc.constant(runId), text),
        status: anchorStatus,
        result: nullable(fc.oneof(fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), junk)),
        error: nullable(fc.oneof(text, junk)),
        session_id: nullable(text),
      },
      { requiredKeys: ['run_id', 'status'] },
    ),
  );
}

// --- BrowserAI

const browserAIStatus = fc.oneof(
  fc.constantFrom(
    'finalized',
    'failed',
    'stopped',
    'awaiting',
    'running',
    'in_progress',
    'queued',
    'pending',
    'FINALIZED',
  ),
  text,
);

/** A BrowserAI `GetTaskResponse` (every field optional). */
export const browserAITask: fc.Arbitrary<Record<string, unknown>> = mutated(
  fc.record(
    {
      executionId: nullable(text),
      scriptId: nullable(text),
      scriptType: nullable(text),
      status: nullable(browserAIStatus),
      progress: nullable(
        fc.record(
          { status: nullable(text), logs: nullable(fc.array(text, { maxLength: 3 })) },
          { requiredKeys: [] },
        ),
      ),
      started: nullable(timestamp),
      estimatedCompletion: nullable(timestamp),
      result: fc.jsonValue({ maxDepth: 2 }),
      error: nullable(fc.oneof(text, errorBody)),
    },
    { requiredKeys: [] },
  ),
);

const modelOutput = fc
  .record(
    {
      current_state: fc.record(
        {
          evaluation_previous_goal: fc.oneof(text, junk),
          memory: fc.oneof(text, junk),
          next_goal: fc.oneof(text, junk),
        },
        { requiredKeys: [] },
      ),
      action: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }), junk),
      next_goal: text,
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

/** A BrowserAI `GetResultsResponse` (every field optional). */
export const browserAIResults: fc.Arbitrary<Record<string, unknown>> = mutated(
  fc.record(
    {
      executionId: nullable(text),
      status: nullable(browserAIStatus),
      started: nullable(timestamp),
      completed: nullable(timestamp),
      results: nullable(
        fc.array(
          fc.record(
            {
              model_output: nullable(fc.oneof(modelOutput, text, fc.constant('{"broken":'))),
              result: nullable(text),
              state: nullable(
                fc.oneof(
                  fc.record({ url: fc.oneof(text, junk) }).map((value) => JSON.stringify(value)),
                  text,
                ),
              ),
              metadata: nullable(fc.dictionary(text, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })),
              history_index: nullable(
                fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), junk),
              ),
              screenshot_url: nullable(text),
              html_url: nullable(text),
              console_url: nullable(text),
              insert_ts: nullable(timestamp),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

// --- the answer around the body

/** HTTP statuses worth a run: mostly 200, any of 200-599 (1xx has its own case in the matrix). */
export const status: fc.Arbitrary<number> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 299 }) },
  { weight: 3, arbitrary: fc.integer({ min: 300, max: 599 }) },
  { weight: 2, arbitrary: fc.constantFrom(400, 401, 402, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504) },
);

const headerValue = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '-1',
    '1.5',
    ' 2 ',
    'abc',
    '',
    'NaN',
    'Infinity',
    '1e3',
    '99999999999999',
    'true',
    'false',
    'TRUE',
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Thu, 01 Jan 2099 00:00:00 GMT',
    'application/json',
    'text/html; charset=utf-8',
  ),
  fc.string({ maxLength: 20 }),
);

/** Response headers, with junk in the ones the client reads. */
export const headers: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom(
    'retry-after',
    'retry-after-ms',
    'x-should-retry',
    'x-request-id',
    'content-type',
    'location',
    'x-vendor',
  ),
  headerValue,
  { maxKeys: 4 },
);

/** A body as served: text as is, anything else as JSON. */
export type Served = { kind: 'json'; value: unknown } | { kind: 'text'; value: string };

/** The body of an answer: vendor-shaped (weight 6), an error body, any JSON, any text. */
export function body(vendorShaped: fc.Arbitrary<unknown>): fc.Arbitrary<Served> {
  return fc.oneof(
    { weight: 6, arbitrary: vendorShaped.map((value): Served => ({ kind: 'json', value })) },
    {
      weight: 2,
      arbitrary: errorBody.map(
        (value): Served => ({ kind: typeof value === 'string' ? 'text' : 'json', value }) as Served,
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): Served => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string(),
          fc.json().map((json) => json.slice(0, Math.ceil(json.length / 2))),
        )
        .map((value): Served => ({ kind: 'text', value })),
    },
  );
}

/** The bytes to serve for a body. */
export function serialize(served: Served): string {
  return served.kind === 'text' ? served.value : JSON.stringify(served.value);
}
