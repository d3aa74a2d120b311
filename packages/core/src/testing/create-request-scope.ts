/**
 * The lifetime of one request on the test server: the timers it waits on and whether it is over.
 * The server closes the scope when the response ends, when the client goes away and when the server
 * closes, so no timer of a delayed, slow or stalled reply outlives its request.
 */
export interface RequestScope {
  /** Whether the request is over (answered, abandoned by the client, or the server closed). */
  readonly closed: boolean;
  /** Settles when the scope closes. Never rejects. */
  readonly whenClosed: Promise<void>;
  /**
   * Waits `ms` milliseconds, or less when the scope closes first (the timer is then cleared).
   * Never rejects: check `closed` after awaiting.
   */
  sleep(ms: number): Promise<void>;
  /** Ends the scope: clears its pending timers and settles `whenClosed` and every pending `sleep`. */
  close(): void;
}

/** Creates an open `RequestScope`. */
export function createRequestScope(): RequestScope {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  let settle!: () => void;
  const whenClosed = new Promise<void>((resolve) => {
    settle = resolve;
  });

  return {
    get closed() {
      return closed;
    },
    whenClosed,
    sleep(ms) {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            resolve();
          },
          Math.max(0, ms),
        );
        timers.add(timer);
        void whenClosed.then(resolve);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      settle();
    },
  };
}
