/** One caller's signal, handed on to many tasks through a controller each. */
export interface SignalFanOut {
  /** A new signal for one task: aborted with the caller's signal (at once if it already is), or by `abort`. */
  next(): AbortSignal;
  /** Aborts every signal `next` gave. */
  abort(reason?: unknown): void;
  /** Stops listening to the caller's signal. */
  dispose(): void;
}

/**
 * Forwards `parent` to any number of tasks with a single listener on it: a signal shared by a thousand
 * waits would otherwise gather a listener per task (and Node's MaxListenersExceededWarning).
 */
export function createSignalFanOut(parent: AbortSignal | undefined): SignalFanOut {
  const controllers = new Set<AbortController>();
  const abort = (reason?: unknown) => {
    for (const controller of controllers) controller.abort(reason);
  };
  const onParentAbort = () => abort(parent?.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    next() {
      const controller = new AbortController();
      controllers.add(controller);
      if (parent?.aborted) controller.abort(parent.reason);
      return controller.signal;
    },
    abort,
    dispose: () => parent?.removeEventListener('abort', onParentAbort),
  };
}
