import type { AnyTaskProvider } from '../task/task-provider';
import type { Limiter } from './create-limiter';

/** The same provider, with every request going through `limiter` (so many watches share one bound). */
export function limitProvider(provider: AnyTaskProvider, limiter: Limiter): AnyTaskProvider {
  const light = provider.pollTask;
  return {
    name: provider.name,
    getTask: (ref, options) => limiter(() => provider.getTask(ref, options)),
    pollTask: light ? (ref, options) => limiter(() => light.call(provider, ref, options)) : undefined,
    parseRef: (text) => provider.parseRef(text),
    formatRef: (ref) => provider.formatRef(ref),
  };
}
