import assert from 'node:assert/strict';

/** Awaits `promise`, asserts it rejects, and returns the rejection for more checks. */
export async function assertRejectsWith(
  promise: Promise<unknown>,
  check: (error: unknown) => boolean,
  what: string,
) {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a rejection with ${what}, but the call resolved`);
  assert.ok(check(caught), `expected ${what}, got ${(caught as Error)?.name}: ${(caught as Error)?.message}`);
  return caught as Error;
}
