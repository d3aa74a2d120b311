import { APIUserAbortError } from '../errors/api-user-abort-error';
import type { AnyTaskProvider, RequestOptions } from '../task/task-provider';
import type { Limiter } from './create-limiter';

/**
 * The same provider, with every request going through `limiter` (so many watches share one bound). A
 * read whose signal aborted while it waited for its turn (its wait timed out, the caller aborted, the
 * watch was left) is dropped when its turn comes, with `APIUserAbortError`: the provider never sees it.
 */
export function limitProvider(provider: AnyTaskProvider, limiter: Limiter): AnyTaskProvider {
  const light = provider.pollTask;
  const inTurn = <T>(options: RequestOptions | undefined, read: () => Promise<T>) =>
    limiter(async () => {
      const signal = options?.signal;
      if (signal?.aborted) throw new APIUserAbortError({ provider: provider.name, cause: signal.reason });
      return read();
    });
  return {
    name: provider.name,
    getTask: (ref, options) => inTurn(options, () => provider.getTask(ref, options)),
    pollTask: light ? (ref, options) => inTurn(options, () => light.call(provider, ref, options)) : undefined,
    parseRef: (text) => provider.parseRef(text),
    formatRef: (ref) => provider.formatRef(ref),
  };
}
