import { performance } from 'node:perf_hooks';

/** Runs `count` calls one after the other; returns each call's duration in ms. */
export async function runSequential(call: () => Promise<unknown>, count: number): Promise<number[]> {
  const durations: number[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await call();
    durations[index] = performance.now() - start;
  }
  return durations;
}

/**
 * Runs `total` calls with `inFlight` of them running at all times (until the last ones); returns the
 * wall time in ms. A failed call fails the run: throughput of errors is not throughput.
 */
export async function runConcurrent(
  call: () => Promise<unknown>,
  total: number,
  inFlight: number,
): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      await call();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, worker));
  return performance.now() - start;
}

/**
 * Keeps `inFlight` calls running for about `durationMs` (no new call starts after it); returns the
 * calls completed and the wall time until the last one ended.
 */
export async function runConcurrentFor(
  call: () => Promise<unknown>,
  durationMs: number,
  inFlight: number,
): Promise<{ calls: number; wallMs: number }> {
  let calls = 0;
  const start = performance.now();
  const end = start + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      await call();
      calls++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { calls, wallMs: performance.now() - start };
}
