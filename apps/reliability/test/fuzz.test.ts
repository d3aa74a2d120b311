import { type AnyTaskProvider, APIError, type Task } from '@x/core';
import type { Fault } from '@x/core/testing';
import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  anchorExecutionResponse,
  anchorRunStatus,
  body,
  browserAIResults,
  browserAITask,
  browserUseTaskView,
  headers,
  type Served,
  serialize,
  status,
} from './support/arbitraries';
import { errorClassOf, errorProblems, expectedClassForStatus, taskProblems } from './support/check-task';
import { ADAPTERS, getTask, type ProviderAdapter, type Sandbox } from './support/providers';
import { createRecorder, type FuzzRow, shorten } from './support/report';

const recorder = createRecorder<FuzzRow>('fuzz');
afterAll(() => recorder.flush());

// nock's fetch interceptor doubles the cost of each call; every request here goes to the sandbox on
// 127.0.0.1 (explicit baseURL), so the interceptor is lifted for this file and put back after it.
// Without nock nothing refuses a request to another host, so a cheap guard takes its place: a `fetch`
// that fails (and fails the run) for anything but the loopback sandboxes, generated `location`s included.
const realFetch = globalThis.fetch;
const offLoopback: string[] = [];
beforeAll(() => {
  nock.restore();
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      offLoopback.push(url.href);
      return Promise.reject(new Error(`fuzz: a request left 127.0.0.1 (${url.href})`));
    }
    return realFetch(input, init);
  };
});
afterAll(() => {
  globalThis.fetch = realFetch;
  nock.activate();
  expect(offLoopback, 'requests to hosts other than 127.0.0.1').toEqual([]);
});

/** Runs per provider: 3 × 3,400 = 10,200 in all. `RELIABILITY_FUZZ_RUNS` changes it. */
const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 3_400);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Served;
}

interface Run {
  /** Which reference (some providers have two kinds). */
  refIndex: number;
  answer: Answer;
  /** BrowserAI: an answer for `GET /results` too (read when the task is terminal or paused). */
  results?: Answer;
}

/** What each provider reads first, and the shapes of its bodies. */
function shapesOf(adapter: ProviderAdapter, sandbox: Sandbox) {
  const running = adapter.runningTask(sandbox);
  switch (adapter.name) {
    case 'browser-use':
      return { refs: [running], bodies: [browserUseTaskView(running as string)], results: undefined };
    case 'anchor': {
      const run = (sandbox as unknown as { createTask(options: object): unknown }).createTask({
        api: 'v2',
        stepMs: 600_000,
      });
      const execution = running as { executionId: string };
      return {
        refs: [running, run],
        bodies: [
          anchorExecutionResponse(execution.executionId),
          anchorRunStatus((run as { runId: string }).runId),
        ],
        results: undefined,
      };
    }
    case 'browserai':
      return { refs: [running], bodies: [browserAITask], results: browserAIResults };
  }
}

const answer = (vendorShaped: fc.Arbitrary<unknown>): fc.Arbitrary<Answer> =>
  fc.record({ status, headers, body: body(vendorShaped) });

function toFault(served: Answer, match: RegExp): Fault {
  return {
    status: served.status,
    body: serialize(served.body),
    headers: { 'content-type': 'application/json', ...served.headers },
    match: { path: match },
    times: 1,
  };
}

/**
 * Statuses Node's fetch (undici) acts on before the SDK sees them: 407 becomes a network error (the
 * fetch standard), which the SDK retries as a connection error; 421 is retried on a new connection.
 */
const HANDLED_BY_FETCH = new Set([407, 421]);

/** Whether the client must retry this answer (the documented policy: 408, 409, 429, 5xx, `x-should-retry`). */
function mustRetry(answer: Answer): boolean {
  if (answer.status >= 200 && answer.status < 300) return false;
  if (HANDLED_BY_FETCH.has(answer.status)) return true;
  const hint = answer.headers['x-should-retry']?.trim();
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return answer.status === 408 || answer.status === 409 || answer.status === 429 || answer.status >= 500;
}

/** What is wrong with the outcome of one run (empty when it is a valid Task or the right XError). */
function judge(run: Run, provider: AnyTaskProvider, outcome: { task?: Task; error?: unknown }): string[] {
  if (outcome.task) {
    const problems = taskProblems(outcome.task, provider);
    const { status: served } = run.answer;
    if ((served < 200 || served >= 300) && !mustRetry(run.answer))
      problems.push(`a ${served} answer that must not be retried ended in a Task (it was retried)`);
    return problems;
  }
  const problems = errorProblems(outcome.error);
  if (problems.length > 0 || run.results) return problems;
  const served = run.answer.status;
  const name = errorClassOf(outcome.error);
  if (served >= 200 && served < 300) {
    if (name !== 'InvalidResponseError')
      problems.push(`a ${served} answer gave ${name}, expected InvalidResponseError`);
  } else if (mustRetry(run.answer)) {
    problems.push(`a retryable ${served} answer gave ${name} instead of a Task after the retry`);
  } else {
    const expected = expectedClassForStatus(served);
    if (name !== expected) problems.push(`a ${served} answer gave ${name}, expected ${expected}`);
    else if (!APIError.isInstance(outcome.error) || outcome.error.status !== served)
      problems.push('the error lost its status');
  }
  return problems;
}

/** A compact description of a run's input, for the report. */
function describeRun(run: Run): string {
  const describe = (answer: Answer) =>
    `${answer.status} ${JSON.stringify(answer.headers)} ${shorten(serialize(answer.body), 400)}`;
  return run.results
    ? `${describe(run.answer)} then /results ${describe(run.results)}`
    : describe(run.answer);
}

describe.each(ADAPTERS)('$name: fuzzing getTask', (adapter) => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await adapter.createSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it(`${RUNS} generated answers: a valid Task or the right XError`, async () => {
    const baseSeed = inject('seed');
    const seed = baseSeed + ADAPTERS.indexOf(adapter);
    console.log(
      `[fuzz] ${adapter.name}: seed ${seed}, ${RUNS} runs (base seed ${baseSeed}; RELIABILITY_SEED=<n> to change)`,
    );
    const provider = adapter.create({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 1,
      maxRetryDelayMs: 5,
      timeoutMs: 5_000,
    });
    const shapes = shapesOf(adapter, sandbox);
    const runArbitrary: fc.Arbitrary<Run> = fc
      .nat({ max: shapes.refs.length - 1 })
      .chain((refIndex) =>
        fc.record({
          refIndex: fc.constant(refIndex),
          answer: answer(shapes.bodies[refIndex]!),
          results: shapes.results
            ? fc.option(answer(shapes.results), { nil: undefined, freq: 3 })
            : fc.constant(undefined),
        }),
      )
      .map((run) => (run.results === undefined ? { refIndex: run.refIndex, answer: run.answer } : run));

    const outcomes: Record<string, number> = {};
    const violations = new Map<string, { example: string; size: number }>();
    const started = performance.now();
    const details = await fc.check(
      fc.asyncProperty(runArbitrary, async (run) => {
        sandbox.server.clearFaults();
        sandbox.server.clearRequests();
        sandbox.injectFault(toFault(run.answer, adapter.taskPath));
        if (run.results) sandbox.injectFault(toFault(run.results, /^\/results\//));
        const ref = shapes.refs[run.refIndex];
        const outcome: { task?: Task; error?: unknown } = {};
        try {
          outcome.task = await getTask(provider, ref);
        } catch (error) {
          outcome.error = error;
        }
        const name = outcome.task ? `Task (${outcome.task.status})` : errorClassOf(outcome.error);
        outcomes[name] = (outcomes[name] ?? 0) + 1;
        for (const problem of judge(run, provider, outcome)) {
          const signature = problem.replace(/\b\d{3}\b/g, 'NNN');
          const example = describeRun(run);
          const known = violations.get(signature);
          if (!known || example.length < known.size)
            violations.set(signature, { example, size: example.length });
        }
        return true;
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    const ms = Math.round(performance.now() - started);
    const examples = [...violations.entries()].map(([problem, { example }]) => ({ problem, example }));
    const problems = [
      ...(details.failed ? [`fast-check stopped: ${String(details.errorInstance)}`] : []),
      ...(details.numRuns < RUNS ? [`only ${details.numRuns} runs`] : []),
      ...examples.map(({ problem, example }) => `${problem} (e.g. ${shorten(example, 160)})`),
    ];
    recorder.add({
      provider: adapter.name,
      order: 0,
      case: `${details.numRuns} generated answers into getTask`,
      runs: details.numRuns,
      seed,
      ms,
      outcomes,
      examples,
      problems,
    });
    expect(problems).toEqual([]);
  }, 300_000);
});
