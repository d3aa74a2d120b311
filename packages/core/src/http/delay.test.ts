import { describe, expect, it, vi } from 'vitest';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { delay } from './delay';

const settledWithin = async (promise: Promise<unknown>, ms: number) => {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
};

describe('delay', () => {
  it('waits about the time asked', async () => {
    const began = performance.now();
    await delay(25);
    expect(performance.now() - began).toBeGreaterThanOrEqual(20);
  });

  it('zero, negative and NaN waits end at once', async () => {
    for (const ms of [0, -100, Number.NaN]) {
      const began = performance.now();
      await delay(ms);
      expect(performance.now() - began).toBeLessThan(30);
    }
  });

  it('an abort ends the sleep at once with APIUserAbortError carrying the reason', async () => {
    const controller = new AbortController();
    const pending = delay(60_000, controller.signal, 'acme').catch((caught: unknown) => caught);
    const began = performance.now();
    controller.abort(new Error('stop'));
    const error = (await pending) as APIUserAbortError;
    expect(performance.now() - began).toBeLessThan(50);
    expect(APIUserAbortError.isInstance(error)).toBe(true);
    expect(error.message).toBe('acme: request was aborted');
    expect((error.cause as Error).message).toBe('stop');
  });

  it('an abort clears the timer, so nothing keeps the process alive', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      const sleeping = delay(60_000, controller.signal).catch((error: unknown) => error);
      expect(vi.getTimerCount()).toBe(1);
      controller.abort();
      expect(await sleeping).toBeInstanceOf(APIUserAbortError);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an already-aborted signal rejects without waiting', async () => {
    await expect(delay(60_000, AbortSignal.abort())).rejects.toSatisfy(APIUserAbortError.isInstance);
  });

  it('a wait longer than a timer can hold (~24.8 days) does not fire at once', async () => {
    // setTimeout turns anything past 2^31-1 ms into 1 ms: a 30-day Retry-After must not become a hot loop.
    const controller = new AbortController();
    const pending = delay(30 * 24 * 3_600_000, controller.signal);
    const caught = pending.catch((error: unknown) => error);
    expect(await settledWithin(pending, 30)).toBe(false);
    controller.abort();
    expect(APIUserAbortError.isInstance(await caught)).toBe(true);
    const infinite = new AbortController();
    const forever = delay(Number.POSITIVE_INFINITY, infinite.signal);
    const caughtForever = forever.catch((error: unknown) => error);
    expect(await settledWithin(forever, 30)).toBe(false);
    infinite.abort();
    await caughtForever;
  });
});
