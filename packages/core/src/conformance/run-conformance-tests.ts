import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { APIConnectionTimeoutError } from '../errors/api-connection-timeout-error';
import { APIError } from '../errors/api-error';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { MissingApiKeyError } from '../errors/missing-api-key-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../errors/status-errors';
import { XError } from '../errors/x-error';
import type { FetchFunction } from '../http/fetch-function';
import type { ProviderSettings } from '../http/http-client-settings';
import { waitForTask } from '../polling/wait-for-task';
import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import { TASK_STATUSES } from '../task/task-status';
import { assertRejectsWith } from './assert-rejects-with';
import type { ConformanceHarness, ConformanceOptions, ConformanceSandbox } from './conformance-types';

const NEVER_SEEN = 'a-status-word-no-vendor-sends';
const NGINX_502 = [
  '<!DOCTYPE html>',
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>nginx/1.25.3</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');
const errorClasses: Record<string, { isInstance(value: unknown): boolean }> = {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
};

/**
 * The cases every provider must pass, through its sandbox: status mapping totality (unknown words too),
 * error shapes to classes, retry and no-retry codes, abort, timeout, id validation and encoding, key
 * secrecy, `parseRef`/`formatRef` round trip, `waitForTask` to a terminal state. From a test file:
 * `runConformanceTests({ describe, it, beforeAll, afterAll }, { name: 'anchor', createProvider: createAnchor, ... })`
 * with your runner's functions (e.g. from `vitest`).
 */
export function runConformanceTests<Ref>(
  harness: ConformanceHarness,
  options: ConformanceOptions<Ref>,
): void {
  const { describe, it, beforeAll, afterAll } = harness;
  let sandbox: ConformanceSandbox<Ref>;
  let provider: TaskProvider<Ref, unknown>;
  const fresh = (settings: ProviderSettings = {}) =>
    options.createProvider({
      apiKey: sandbox.apiKey,
      baseURL: sandbox.baseURL,
      maxRetries: 0,
      initialRetryDelayMs: 1,
      ...settings,
    });
  // A task that stays in its first stages for the whole test, so retries and backoffs see one state.
  const runningTask = () => sandbox.createTask({ stepMs: 60_000 });
  const started = () => {
    sandbox.server.clearFaults();
    sandbox.server.clearRequests();
  };
  /**
   * A 2 s answer on `path` (default: the first path a read of `ref` requests), aborted once that request has
   * reached the server: `getTask` must settle at once with APIUserAbortError. Waiting for the request (not a
   * fixed delay) keeps the check exact on a busy machine, and the path keeps a late request of an earlier
   * case from taking the fault.
   */
  const abortSettlesAtOnce = async (ref: Ref, during: string, path?: string) => {
    started();
    if (path === undefined) {
      await provider.getTask(ref);
      path = sandbox.server.requests[0]?.path ?? '';
      started();
    }
    sandbox.server.injectFault({ match: { path }, delayMs: 2_000 });
    const controller = new AbortController();
    const pending = provider.getTask(ref, { signal: controller.signal });
    pending.catch(() => {});
    for (let waited = 0; !sandbox.server.requests.some((request) => request.path === path); waited += 2) {
      assert.ok(waited < 5_000, `the read never requested ${path}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const start = Date.now();
    controller.abort();
    await assertRejectsWith(pending, APIUserAbortError.isInstance, `APIUserAbortError during ${during}`);
    assert.ok(Date.now() - start < 500, `the abort during ${during} settled after ${Date.now() - start} ms`);
  };

  describe(`${options.name}: provider conformance`, () => {
    beforeAll(async () => {
      sandbox = await options.createSandbox();
      provider = fresh();
    });
    afterAll(async () => {
      await sandbox?.close();
    });

    describe('status mapping', () => {
      it('maps every known vendor word to its documented status', () => {
        for (const [word, status] of options.statusTable) {
          assert.equal(options.mapStatus(word), status, `status word "${word}"`);
          assert.ok(TASK_STATUSES.includes(status), `"${status}" is a normalized status`);
        }
      });
      it('maps any other word, an empty word and a missing word to unknown', () => {
        // An unknown word in upper case with spaces: case and spaces ignored or not, still unknown.
        for (const word of [NEVER_SEEN, '', ` ${NEVER_SEEN.toUpperCase()} `, null, undefined]) {
          assert.equal(options.mapStatus(word), 'unknown', `status word ${JSON.stringify(word)}`);
        }
      });
      it('maps every known word as sent in any case and with spaces, keeping it verbatim as providerStatus', async () => {
        const reads: Array<[string, (ref: Ref) => Promise<Task>, (word: string) => unknown]> = [
          ['getTask', (ref) => provider.getTask(ref), options.bodyWithStatus],
        ];
        const light = provider.pollTask?.bind(provider);
        if (light && options.pollBodyWithStatus)
          reads.push(['pollTask', (ref) => light(ref), options.pollBodyWithStatus]);
        for (const [read, call, body] of reads) {
          for (const [word, status] of options.statusTable) {
            started();
            const ref = runningTask();
            const sent = ` ${word.toUpperCase()} `;
            sandbox.server.injectFault({ status: 200, body: body(sent) });
            const task = await call(ref);
            assert.equal(task.status, status, `${read}: status word ${JSON.stringify(sent)}`);
            assert.equal(task.providerStatus, sent, `${read}: providerStatus is the word as sent`);
            assert.equal(task.id, provider.formatRef(ref), `${read}: the id comes from the reference`);
          }
        }
      });
      it('keeps an unknown word from getTask as providerStatus, with status unknown', async () => {
        started();
        const ref = runningTask();
        sandbox.server.injectFault({ status: 200, body: options.bodyWithStatus(NEVER_SEEN) });
        const task = await provider.getTask(ref);
        assert.equal(task.status, 'unknown');
        assert.equal(task.providerStatus, NEVER_SEEN);
        assert.equal(task.isTerminal, false);
      });
    });

    describe('errors', () => {
      for (const errorCase of options.errorCases) {
        it(`${errorCase.status} ${JSON.stringify(errorCase.body).slice(0, 60)} → ${errorCase.errorClass}`, async () => {
          started();
          const ref = runningTask();
          sandbox.server.injectFault({ status: errorCase.status, body: errorCase.body });
          const errorClass = errorClasses[errorCase.errorClass];
          assert.ok(errorClass, `unknown error class ${errorCase.errorClass}`);
          const error = await assertRejectsWith(
            provider.getTask(ref),
            errorClass.isInstance,
            errorCase.errorClass,
          );
          assert.ok(error.message.includes(errorCase.messageIncludes), `message "${error.message}"`);
          assert.ok(!error.message.includes('\n'), 'message is one line');
          assert.deepEqual((error as APIError).body, errorCase.body, 'the vendor body is kept');
          assert.equal((error as APIError).status, errorCase.status);
          if (errorCase.retryAfterMs !== undefined)
            assert.equal((error as APIError).retryAfterMs, errorCase.retryAfterMs, 'the wait hint, in ms');
        });
      }
    });

    describe('an HTML error page', () => {
      it("becomes one short line with the page's title, never the page", async () => {
        started();
        const ref = runningTask();
        sandbox.server.injectFault({
          status: 502,
          body: NGINX_502,
          headers: { 'content-type': 'text/html' },
        });
        const error = await assertRejectsWith(provider.getTask(ref), APIError.isInstance, 'APIError');
        assert.ok(error.message.includes('502 Bad Gateway'), `message "${error.message}"`);
        assert.ok(!/[\n<]/.test(error.message), `one line, no markup: "${error.message}"`);
        assert.ok(error.message.length <= 400, `short (${error.message.length} characters)`);
      });
    });

    describe('retries', () => {
      for (const status of [408, 409, 429, 500, 502, 503, 504]) {
        it(`retries ${status} and then succeeds`, async () => {
          started();
          const ref = runningTask();
          sandbox.server.injectFault({
            status,
            body: { error: 'transient' },
            headers: { 'retry-after': '0' },
          });
          const task = await fresh({ maxRetries: 2 }).getTask(ref);
          assert.ok(TASK_STATUSES.includes(task.status));
          assert.equal(sandbox.server.requests.length, 2, 'one failed attempt, one success');
        });
      }
      for (const status of [400, 401, 403, 404, 422]) {
        it(`never retries ${status}`, async () => {
          started();
          const ref = runningTask();
          sandbox.server.injectFault({ status, body: { error: 'permanent' }, times: 5 });
          await assertRejectsWith(fresh({ maxRetries: 3 }).getTask(ref), APIError.isInstance, 'APIError');
          assert.equal(sandbox.server.requests.length, 1, 'exactly one attempt');
        });
      }
      it('hands every ProviderSettings option to its HTTP client', async () => {
        started();
        const ref = runningTask();
        // headers and fetch
        let fetches = 0;
        const counting: FetchFunction = (input, init) => {
          fetches++;
          return fetch(input, init);
        };
        await fresh({ headers: { 'x-conformance': 'yes' }, fetch: counting }).getTask(ref);
        assert.equal(fetches, 1, 'the `fetch` option was used');
        assert.equal(
          sandbox.server.requests.at(-1)?.headers['x-conformance'],
          'yes',
          'the `headers` option was sent',
        );
        // initialRetryDelayMs (the default would wait about 500 ms) and maxRetryDelayMs (caps a 1 h hint)
        for (const [fault, settings] of [
          [{ reset: true }, { initialRetryDelayMs: 1 }],
          [{ status: 429, headers: { 'retry-after': '3600' } }, { maxRetryDelayMs: 1 }],
        ] as const) {
          started();
          sandbox.server.injectFault(fault);
          const start = Date.now();
          await fresh({ maxRetries: 1, ...settings }).getTask(ref);
          const option = Object.keys(settings)[0];
          assert.ok(Date.now() - start < 300, `\`${option}\` was honoured (${Date.now() - start} ms)`);
        }
        // maxResponseBytes
        await assertRejectsWith(
          fresh({ maxResponseBytes: 8 }).getTask(ref),
          ResponseTooLargeError.isInstance,
          'ResponseTooLargeError (the `maxResponseBytes` option)',
        );
      });
      it('retries a reset connection', async () => {
        started();
        const ref = runningTask();
        sandbox.server.injectFault({ reset: true });
        await fresh({ maxRetries: 1 }).getTask(ref);
        assert.equal(sandbox.server.requests.length, 2);
      });
    });

    describe('every request of a read', () => {
      // A read may take more than one request (BrowserAI reads the task, then its results): each must
      // carry the caller's signal and report its failure, not only the first.
      it('each request getTask makes reports an error answer and honours an abort', async () => {
        started();
        const ref = sandbox.createTask({ outcome: 'succeeded', steps: 1, stepMs: 1 });
        await waitForTask(provider, ref, { intervalMs: 5, timeoutMs: 5_000 });
        started();
        await provider.getTask(ref);
        const paths = [...new Set(sandbox.server.requests.map((request) => request.path))];
        assert.ok(paths.length > 0, 'getTask made a request');
        for (const path of paths) {
          started();
          sandbox.server.injectFault({ match: { path }, status: 500, body: { error: 'conformance' } });
          await assertRejectsWith(
            provider.getTask(ref),
            InternalServerError.isInstance,
            `InternalServerError from a 500 on ${path}`,
          );
          await abortSettlesAtOnce(ref, `the request to ${path}`, path);
        }
      });
    });

    describe('abort and timeout', () => {
      it('an abort during a request settles at once with APIUserAbortError', async () => {
        await abortSettlesAtOnce(runningTask(), 'a request');
      });
      it('headers slower than timeoutMs end in APIConnectionTimeoutError', async () => {
        started();
        const ref = runningTask();
        sandbox.server.injectFault({ delayMs: 1_000 });
        await assertRejectsWith(
          fresh({ timeoutMs: 50 }).getTask(ref),
          APIConnectionTimeoutError.isInstance,
          'APIConnectionTimeoutError',
        );
      });
      it('a body stalled past timeoutMs ends in APIConnectionTimeoutError', async () => {
        started();
        const ref = runningTask();
        sandbox.server.injectFault({ stallAfterBytes: 5 });
        await assertRejectsWith(
          fresh({ timeoutMs: 80 }).getTask(ref),
          APIConnectionTimeoutError.isInstance,
          'APIConnectionTimeoutError',
        );
      });
    });

    describe('references and ids', () => {
      it('formatRef and parseRef round-trip', () => {
        const ref = runningTask();
        const text = provider.formatRef(ref);
        assert.ok(text.startsWith(`${options.name}:`), `"${text}" starts with "${options.name}:"`);
        assert.deepEqual(provider.parseRef(text), ref);
        assert.equal(provider.formatRef(provider.parseRef(text)), text);
      });
      it('parseRef rejects malformed references with InvalidArgumentError', () => {
        for (const text of options.invalidStringRefs) {
          assert.throws(() => provider.parseRef(text), InvalidArgumentError.isInstance, JSON.stringify(text));
        }
      });
      it('getTask rejects bad ids before any request', async () => {
        started();
        for (const ref of options.invalidRefs) {
          await assertRejectsWith(
            provider.getTask(ref),
            InvalidArgumentError.isInstance,
            'InvalidArgumentError',
          );
        }
        assert.equal(sandbox.server.requests.length, 0, 'the server saw no request');
      });
      it('getTask rejects bad request options before any request, naming the option', async () => {
        started();
        const ref = runningTask();
        const controller = new AbortController();
        for (const [requestOptions, argument] of [
          [{ timeoutMs: -1 }, 'timeoutMs'],
          [{ maxRetries: 1.5 }, 'maxRetries'],
          [{ headers: { 'x-a': 'a\r\nb' } }, 'headers'],
          [{ signal: controller }, 'signal'],
        ] as const) {
          const error = await assertRejectsWith(
            provider.getTask(ref, requestOptions as RequestOptions),
            InvalidArgumentError.isInstance,
            'InvalidArgumentError',
          );
          assert.equal((error as InvalidArgumentError).argument, argument);
        }
        assert.equal(sandbox.server.requests.length, 0, 'the server saw no request');
      });
      it('the vendor endpoints (`api.*`) refuse ids that could escape their path, before any request', async () => {
        started();
        const calls = options.apiCallsWithBadIds?.(provider) ?? [];
        for (const [index, call] of calls.entries()) {
          await assertRejectsWith(
            call(),
            InvalidArgumentError.isInstance,
            `InvalidArgumentError from apiCallsWithBadIds[${index}] (${call.toString().slice(0, 80)})`,
          );
        }
        assert.equal(sandbox.server.requests.length, 0, 'the server saw no request');
      });
      it("the task's id is the string form of its reference", async () => {
        const ref = runningTask();
        const task = await provider.getTask(ref);
        assert.equal(task.id, provider.formatRef(ref));
        assert.equal(task.provider, options.name);
      });
    });

    describe('the API key', () => {
      it('is missing: MissingApiKeyError names the environment variable, at the first call, with no request', async () => {
        started();
        const saved = process.env[options.apiKeyEnvironmentVariable];
        delete process.env[options.apiKeyEnvironmentVariable];
        try {
          const keyless = options.createProvider({ baseURL: sandbox.baseURL, maxRetries: 0 });
          const error = await assertRejectsWith(
            keyless.getTask(runningTask()),
            MissingApiKeyError.isInstance,
            'MissingApiKeyError',
          );
          assert.ok(error.message.includes(options.apiKeyEnvironmentVariable));
        } finally {
          if (saved !== undefined) process.env[options.apiKeyEnvironmentVariable] = saved;
        }
        assert.equal(sandbox.server.requests.length, 0);
      });
      it('never shows, even when the server echoes it in an error', async () => {
        started();
        const ref = runningTask();
        const key = sandbox.apiKey;
        sandbox.server.injectFault({
          status: 400,
          body: { error: { message: `bad key ${key}` }, detail: `bad key ${key}`, echo: key },
          headers: { 'x-echo-key': key },
        });
        const error = await assertRejectsWith(provider.getTask(ref), XError.isInstance, 'an XError');
        const shown = [
          error.message,
          error.stack,
          JSON.stringify(error),
          inspect(error, { depth: 8 }),
          String(error.cause ?? ''),
        ];
        for (const text of shown)
          assert.ok(!text?.includes(key), `the key leaked into: ${text?.slice(0, 200)}`);
        for (const text of [
          String(provider),
          JSON.stringify(provider),
          JSON.stringify({ ...provider }),
          inspect(provider, { depth: 8, showHidden: true }),
        ]) {
          // Not even its last 8 characters (a "masked" key is still a leak).
          for (const part of [key, key.slice(-8)])
            assert.ok(!text.includes(part), `the key leaked from the provider object: ${text.slice(0, 200)}`);
        }
      });
      it('reads the base URL and the key from their environment variables', async () => {
        started();
        const ref = runningTask();
        const names = [options.apiKeyEnvironmentVariable, options.baseURLEnvironmentVariable];
        const saved = names.map((name) => process.env[name]);
        process.env[options.apiKeyEnvironmentVariable] = sandbox.apiKey;
        process.env[options.baseURLEnvironmentVariable] = sandbox.baseURL;
        try {
          const task = await options.createProvider({ maxRetries: 0 }).getTask(ref);
          assert.equal(task.id, provider.formatRef(ref));
        } finally {
          names.forEach((name, index) => {
            if (saved[index] === undefined) delete process.env[name];
            else process.env[name] = saved[index];
          });
        }
        assert.ok(
          sandbox.server.requests.length >= 1,
          `the request reached the sandbox (${sandbox.server.requests.length} requests)`,
        );
      });
      it('never shows when the server echoes it in JSON escapes either', async () => {
        started();
        const ref = runningTask();
        const key = sandbox.apiKey;
        // `\u0061` for `a`: the text does not hold the key, the parsed body does.
        const escaped = `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}`;
        sandbox.server.injectFault({
          status: 400,
          body: `{"error":{"message":"bad key ${escaped}"},"detail":"bad key ${escaped}","echo":"${escaped}"}`,
          headers: { 'content-type': 'application/json' },
        });
        const error = await assertRejectsWith(provider.getTask(ref), XError.isInstance, 'an XError');
        for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 8 })])
          assert.ok(!text.includes(key), `the key leaked into: ${text.slice(0, 200)}`);
      });
    });

    describe('waiting', () => {
      for (const outcome of options.outcomes ?? ['succeeded']) {
        it(`a task scripted to end ${outcome} reads as such: output or error, steps, dates (in a non-UTC zone)`, async () => {
          started();
          const zone = process.env.TZ;
          process.env.TZ = 'Asia/Kolkata'; // a timestamp read as local time is 5.5 h off here
          // (In a worker thread the zone cannot change: the dates are then checked in the process's zone.)
          const zoned = new Date(2026, 0, 1).getTimezoneOffset() === -330;
          try {
            // `outcomes` lists only ends this sandbox scripts (ConformanceSandbox types just 'succeeded').
            const ref = sandbox.createTask({ outcome: outcome as 'succeeded', steps: 2, stepMs: 5 });
            const task = await waitForTask(provider, ref, {
              intervalMs: 5,
              maxIntervalMs: 10,
              timeoutMs: 5_000,
            });
            assert.equal(task.status, outcome, 'the normalized status');
            assert.equal(task.isTerminal, outcome !== 'paused', `isTerminal of a ${outcome} task`);
            if (outcome === 'succeeded') {
              assert.notEqual(task.output, undefined, 'a succeeded task carries its output');
              assert.equal(task.error, undefined, 'a succeeded task carries no error');
            }
            if (outcome === 'failed')
              assert.ok(
                typeof task.error === 'string' && task.error !== '',
                'a failed task carries its error text',
              );
            if (options.reportsSteps !== false)
              assert.ok(
                task.steps.length >= 2,
                `the 2 scripted steps reach task.steps (got ${task.steps.length})`,
              );
            if (!task.isTerminal) assert.equal(task.finishedAt, undefined, 'no finishedAt before the end');
            const now = Date.now();
            for (const field of ['createdAt', 'startedAt', 'finishedAt'] as const) {
              const date = task[field];
              if (date === undefined) continue;
              assert.ok(
                Math.abs(date.getTime() - now) < 60_000,
                `${field} ${date.toISOString()} is within a minute of now (${new Date(now).toISOString()})${zoned ? ', with TZ=Asia/Kolkata' : ''}`,
              );
            }
            if (task.startedAt && task.finishedAt)
              assert.ok(task.finishedAt >= task.startedAt, 'ends after it starts');
          } finally {
            if (zone === undefined) delete process.env.TZ;
            else process.env.TZ = zone;
          }
        });
      }
      it('waitForTask follows a task through the sandbox to a terminal state', async () => {
        started();
        const ref = sandbox.createTask({ outcome: 'succeeded', steps: 2, stepMs: 10 });
        const seen: string[] = [];
        const task = await waitForTask(provider, ref, {
          intervalMs: 10,
          maxIntervalMs: 20,
          timeoutMs: 5_000,
          onUpdate: (update) => seen.push(update.status),
        });
        assert.equal(task.status, 'succeeded');
        assert.equal(task.isTerminal, true);
        assert.equal(seen.at(-1), 'succeeded');
      });
    });
  });
}
