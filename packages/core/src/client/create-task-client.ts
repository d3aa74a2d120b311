import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from '../http/describe-value';
import { validateNumberOption } from '../http/validate-settings';
import { waitForTask } from '../polling/wait-for-task';
import type { WaitForTaskOptions } from '../polling/wait-for-task-options';
import { watchTask } from '../polling/watch-task';
import type { Task } from '../task/task';
import type { AnyTaskProvider, RequestOptions } from '../task/task-provider';
import { createLimiter } from './create-limiter';
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
    const list = typeof refs === 'string' ? [refs] : [...refs];
    return list.map((text) => ({ text, ...resolve(text) }));
  };

  async function settleEach(
    refs: readonly string[],
    run: (provider: AnyTaskProvider, ref: unknown) => Promise<Task>,
  ): Promise<TaskOutcome[]> {
    const limiter = createLimiter(concurrency);
    return Promise.all(
      resolveAll(refs).map(async (item) => {
        try {
          return { ref: item.text, task: await run(limitProvider(item.provider, limiter), item.ref) };
        } catch (error) {
          return { ref: item.text, error };
        }
      }),
    );
  }

  async function* watch(
    refs: string | readonly string[],
    watchOptions: WaitForTaskOptions = {},
  ): AsyncGenerator<TaskUpdate> {
    const items = resolveAll(refs); // bad references fail here, before any request
    const limiter = createLimiter(concurrency);
    // One controller per task, all aborted from here: no signal gathers a listener per task.
    const controllers = new Set<AbortController>();
    const stop = {
      abort: (reason?: unknown) => {
        for (const controller of controllers) controller.abort(reason);
      },
    };
    const onCallerAbort = () => stop.abort(watchOptions.signal?.reason);
    if (watchOptions.signal?.aborted) onCallerAbort();
    watchOptions.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const queue: TaskUpdate[] = [];
    let wake: (() => void) | undefined;
    let running = items.length;
    const push = (update: TaskUpdate) => {
      queue.push(update);
      wake?.();
    };
    const settles = (task: Task) =>
      task.isTerminal || (watchOptions.stopOnPaused !== false && task.status === 'paused');

    for (const item of items) {
      void (async () => {
        let last: Task | undefined;
        try {
          const provider = limitProvider(item.provider, limiter);
          const controller = new AbortController();
          controllers.add(controller);
          if (watchOptions.signal?.aborted) controller.abort(watchOptions.signal.reason);
          for await (const task of watchTask(provider, item.ref, {
            ...watchOptions,
            signal: controller.signal,
          })) {
            last = task;
            push({ ref: item.text, task, done: settles(task) });
          }
          if (!last || !settles(last)) push({ ref: item.text, task: last, done: true });
        } catch (error) {
          push({ ref: item.text, task: last, error, done: true });
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
        while (queue.length > 0) yield queue.shift()!;
      }
    } finally {
      watchOptions.signal?.removeEventListener('abort', onCallerAbort);
      stop.abort(); // the consumer stopped early: end every polling loop
    }
  }

  const client: TaskClient = {
    providers,
    resolve,
    get(ref: string, requestOptions?: RequestOptions) {
      const { provider, ref: typed } = resolve(ref);
      return provider.getTask(typed, requestOptions);
    },
    wait(ref: string, waitOptions?: WaitForTaskOptions) {
      const { provider, ref: typed } = resolve(ref);
      return waitForTask(provider, typed, waitOptions);
    },
    getMany: (refs, requestOptions) =>
      settleEach(refs, (provider, ref) => provider.getTask(ref, requestOptions)),
    waitMany: (refs, waitOptions) =>
      settleEach(refs, (provider, ref) => waitForTask(provider, ref, waitOptions)),
    watch,
  };
  return client;
}
