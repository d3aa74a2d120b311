import type { Fault } from './test-server-types';
import { validateFaultMatch } from './validate-fault-match';

/**
 * Checks a fault before it is queued, so a typo fails where it is written and not as a puzzling
 * test result. Throws a `RangeError` for an out-of-range number and a `TypeError` for a contradiction.
 */
export function validateFault(fault: Fault): void {
  if (fault === null || typeof fault !== 'object') throw new TypeError('a fault must be an object');
  validateFaultMatch(fault.match, 'fault.match');
  const { times, probability } = fault;
  if (
    times !== undefined &&
    !(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 0))
  ) {
    throw new RangeError(`fault.times must be an integer >= 0 or Infinity, got ${String(times)}`);
  }
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    throw new RangeError(`fault.probability must be between 0 and 1, got ${String(probability)}`);
  }
  for (const name of [
    'delayMs',
    'truncateAfterBytes',
    'stallAfterBytes',
    'stallMs',
    'chunkDelayMs',
  ] as const) {
    const value = fault[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`fault.${name} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  if (fault.chunkSize !== undefined && !(Number.isInteger(fault.chunkSize) && fault.chunkSize >= 1)) {
    throw new RangeError(`fault.chunkSize must be an integer >= 1, got ${String(fault.chunkSize)}`);
  }
  if (
    fault.status !== undefined &&
    !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 999)
  ) {
    throw new RangeError(`fault.status must be an HTTP status code, got ${String(fault.status)}`);
  }
  if (fault.headers !== undefined && (fault.headers === null || typeof fault.headers !== 'object')) {
    throw new TypeError(`fault.headers must be an object of strings, got ${String(fault.headers)}`);
  }
  if (fault.truncateAfterBytes !== undefined && fault.stallAfterBytes !== undefined) {
    throw new TypeError('fault.truncateAfterBytes and fault.stallAfterBytes cannot be combined');
  }
}
