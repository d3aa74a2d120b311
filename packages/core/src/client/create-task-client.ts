import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from '../http/describe-value';
import { validateNumberOption, validateSignal } from '../http/validate-settings';
import { assertTask } from '../polling/assert-task';
import { waitForTask } from '../polling/wait-for-task';
import type { WaitForTaskOptions } from '../polling/wait-for-task-options';
import { watchTask } from '../polling/watch-task';
import type { Task } from '../task/task';
import type { AnyTaskProvider, RequestOptions } from '../task/task-provider';
import { createLimiter } from './create-limiter';
import { createSignalFanOut } from './create-signal-fan-out';
import { limitProvider } from './limit-provider';
import type { TaskClient, TaskClientOptions, TaskOutcome, TaskUpdate } from './task-client-types';

/** A client over several providers: `"<provider>:<id>"` references go to the provider of that `name` (`anchor:…` to `anchor`). */
export function createTaskClient(options: TaskClientOptions): TaskClient {
  const providers = [...(options?.providers ?? [])];
  if (providers.length === 0) {
    throw new InvalidArgumentError({
      argument: 'providers',
      message: 'providers must list at least one provider',
    });
  }
  validateNumberOption(options.concurrency, 'concurrency', { min: 1, max: 10_000, integer: true });
  const concurrency = options.concurrency ?? 8;
  const byName = new Map<string, AnyTaskProvider>();
  for (const provider of providers) {
    if (byName.has(provider.name)) {
      throw new InvalidArgumentError({
        argument: 'providers',
        message: `providers lists "${provider.name}" twice`,
      });
    }
    byName.set(provider.name, provider);
  }
  const names = () => [...byName.keys()].join(', ');

  function resolve(text: string): { provider: AnyTaskProvider; ref: unknown } {
    if (typeof text !== 'string') {
      throw new InvalidArgumentError({
        argument: 'ref',
        message: `ref must be a string "<provider>:<id>", got ${describeValue(text)}`,
      });
    }
    const colon = text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidArgumentError({
        argument: 'ref',
        message: `ref must look like "<provider>:<id>" with provider one of ${names()}, got ${describeValue(text)}`,
      });
    }
    const name = text.slice(0, colon);
    const provider = byName.get(name);
    if (!provider) {
      throw new InvalidArgumentError({
        argument: 'ref',
        message: `unknown provider "${name}" in ref ${describeValue(text)}: expected one of ${names()}`,
      });
    }
    return { provider, ref: provider.parseRef(text) };
  }

  const resolveAll = (refs: string | readonly string[]) => {
    if (typeof refs !== 'string' && !Array.isArray(refs)) {
      throw new InvalidArgumentError({
        argument: 'refs',
        message: `refs must be an array of "<provider>:<id>" strings, got ${describeValue(refs)}`,
      });
    }
    const list: readonly string[] = typeof refs === 'string' ? [refs] : refs;
    return list.map((text) => ({ text, ...resolve(text) }));
  };

  /**
   * Runs one call per reference, at most `concurrency` requests in flight; one failure does not stop the
   * others. The caller's signal reaches every call through one listener.
   */
  async function settleEach(
    refs: readonly string[],
    signal: AbortSignal | undefined,
    run: (provider: AnyTaskProvider, ref: unknown, signal: AbortSignal | undefined) => Promise<Task>,
  ): Promise<TaskOutcome[]> {
    validateSignal(signal, 'signal');
    const items = resolveAll(refs); // bad references fail here, before any request
    const limiter = createLimiter(concurrency);
    const fanOut = signal ? createSignalFanOut(signal) : undefined;
    try {
      return await Promise.all(
        items.map(async (item) => {
          try {
            const provider = limitProvider(item.provider, limiter);
            const itemSignal = fanOut?.next();
            // A provider that ignores its signal must not keep the whole call pending after an abort.
            const task = await settleOnAbort(
              run(provider, item.ref, itemSignal),
              itemSignal,
              item.provider.name,
            );
            assertTask(task, item.provider.name);
            return { ref: item.text, task };
          } catch (error) {
            return { ref: item.text, error };
          }
        }),
      );
    } finally {
      fanOut?.dispose();
    }
  }

  async function* watch(
    refs: string | readonly string[],
    watchOptions: WaitForTaskOptions = {},
  ): AsyncGenerator<TaskUpdate> {
    validateSignal(watchOptions.signal, 'signal');
    const items = resolveAll(refs); // bad references fail here, before any request
    const limiter = createLimiter(concurrency);
    // One controller per task, all aborted from here: no signal gathers a listener per task.
    const fanOut = createSignalFanOut(watchOptions.signal);
    // Each task's loop waits until its update was taken (the consumer asked for the next one) before
    // it reads again: polling follows the consumer's pulls, as `watchTask` does, so a consumer that
    // stops pulling (even without `return()`) stops the polling, and no timer keeps the process alive.
    const queue: Array<{ update: TaskUpdate; taken: () => void }> = [];
    let wake: (() => void) | undefined;
    let inHand: (() => void) | undefined;
    let running = items.length;
    const push = (update: TaskUpdate) =>
      new Promise<void>((taken) => {
        queue.push({ update, taken });
        wake?.();
      });
    const settles = (task: Task) =>
      task.isTerminal || (watchOptions.stopOnPaused !== false && task.status === 'paused');

    for (const item of items) {
      void (async () => {
        let last: Task | undefined;
        try {
          const provider = limitProvider(item.provider, limiter);
          for await (const task of watchTask(provider, item.ref, {
            ...watchOptions,
            signal: fanOut.next(),
          })) {
            last = task;
            await push({ ref: item.text, task, done: settles(task) });
          }
          if (!last || !settles(last)) void push({ ref: item.text, task: last, done: true });
        } catch (error) {
          void push({ ref: item.text, task: last, error, done: true });
        } finally {
          running--;
          wake?.();
        }
      })();
    }

    try {
      while (running > 0 || queue.length > 0) {
        if (queue.length === 0) {
          await new Promise<void>((resolveWake) => {
            wake = resolveWake;
          });
          wake = undefined;
        }
        while (queue.length > 0) {
          const next = queue.shift()!;
          inHand = next.taken;
          yield next.update;
          inHand = undefined;
          next.taken();
        }
      }
    } finally {
      fanOut.dispose();
      fanOut.abort(); // the consumer stopped early: end every polling loop
      inHand?.(); // the update being read when the consumer left
      for (const { taken } of queue.splice(0)) taken(); // let waiting loops see the abort and end
    }
  }

  const client: TaskClient = {
    providers,
    resolve,
    // Async, so that a bad reference is a rejection like every other failure, never a throw.
    async get(ref: string, requestOptions?: RequestOptions) {
      const { provider, ref: typed } = resolve(ref);
      return provider.getTask(typed, requestOptions);
    },
    async wait(ref: string, waitOptions?: WaitForTaskOptions) {
      const { provider, ref: typed } = resolve(ref);
      return waitForTask(provider, typed, waitOptions);
    },
    getMany: (refs, requestOptions) =>
      settleEach(refs, requestOptions?.signal, (provider, ref, signal) =>
        provider.getTask(ref, signal ? { ...requestOptions, signal } : requestOptions),
      ),
    waitMany: (refs, waitOptions) =>
      settleEach(refs, waitOptions?.signal, (provider, ref, signal) =>
        waitForTask(provider, ref, signal ? { ...waitOptions, signal } : waitOptions),
      ),
    watch,
  };
  return client;
}

/** `promise`, or an `APIUserAbortError` as soon as `signal` aborts, whichever comes first. */
function settleOnAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, name: string): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(new APIUserAbortError({ provider: name, cause: signal.reason }));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
