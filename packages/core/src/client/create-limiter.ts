/** Runs async functions with at most `limit` of them in flight; the others wait their turn in order. */
export type Limiter = <T>(run: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  // A finished run hands its slot straight to the next waiter (`active` stays the same), so a caller
  // arriving before that waiter resumes finds no free slot: the bound holds even when runs settle in
  // microtasks.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await run();
    } finally {
      release();
    }
  };
}
