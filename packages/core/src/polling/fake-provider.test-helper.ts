import { APIConnectionError } from '../errors/api-connection-error';
import { InternalServerError, RateLimitError } from '../errors/status-errors';
import { createTask } from '../task/create-task';
import type { Task } from '../task/task';
import type { RequestOptions, TaskProvider } from '../task/task-provider';
import type { TaskStatus } from '../task/task-status';

/** A scripted read: a status (and steps), or a 429, a 503 or a connection error to throw. */
export type FakeRead =
  | { status: TaskStatus; steps?: number }
  | 'rate-limited'
  | 'server-error'
  | 'connection-error';

/** A provider whose reads follow a script per task id; it counts calls and in-flight requests. */
export function createFakeProvider(
  name: string,
  scripts: Record<string, FakeRead[]>,
  options: { withPoll?: boolean; latencyMs?: number } = {},
) {
  const calls: Array<{ kind: 'get' | 'poll'; ref: string }> = [];
  const positions = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const read = async (kind: 'get' | 'poll', ref: string, requestOptions?: RequestOptions): Promise<Task> => {
    calls.push({ kind, ref });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      if (requestOptions?.signal?.aborted) throw requestOptions.signal.reason;
      const script = scripts[ref];
      if (!script) throw new Error(`no script for ${ref}`);
      const position = positions.get(ref) ?? 0;
      if (kind === 'poll' || position < script.length - 1)
        positions.set(ref, Math.min(position + 1, script.length - 1));
      const step = script[Math.min(position, script.length - 1)]!;
      if (step === 'rate-limited') throw new RateLimitError({ provider: name, status: 429, retryAfterMs: 5 });
      if (step === 'server-error') throw new InternalServerError({ provider: name, status: 503 });
      if (step === 'connection-error')
        throw new APIConnectionError({ provider: name, url: `https://${name}.test/${ref}` });
      return createTask({
        provider: name,
        id: `${name}:${ref}`,
        status: step.status,
        providerStatus: step.status,
        steps: Array.from({ length: kind === 'get' ? (step.steps ?? 0) : 0 }, (_, index) => ({
          index,
          raw: {},
        })),
        raw: { kind },
      });
    } finally {
      inFlight--;
    }
  };
  const provider: TaskProvider<string, unknown> = {
    name,
    getTask: (ref, requestOptions) => read('get', ref, requestOptions),
    ...(options.withPoll
      ? { pollTask: (ref: string, requestOptions?: RequestOptions) => read('poll', ref, requestOptions) }
      : {}),
    parseRef: (text) => text.replace(`${name}:`, ''),
    formatRef: (ref) => `${name}:${ref}`,
  };
  return { provider, calls, maxInFlight: () => maxInFlight };
}
