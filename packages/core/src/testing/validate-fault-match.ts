import type { FaultMatch } from './test-server-types';

/**
 * Checks a `FaultMatch` (of a fault, or of `countRequests`): an object whose `method` is a string and
 * whose `path` is a string or a RegExp, each optional. Throws a `TypeError` naming `what` otherwise, so
 * a bad match fails where it is written instead of breaking every later request.
 */
export function validateFaultMatch(match: unknown, what: string): void {
  if (match === undefined) return;
  if (match === null || typeof match !== 'object' || Array.isArray(match)) {
    throw new TypeError(`${what} must be an object { method?, path? }, got ${describe(match)}`);
  }
  const { method, path } = match as FaultMatch;
  if (method !== undefined && typeof method !== 'string') {
    throw new TypeError(`${what}.method must be a string, got ${describe(method)}`);
  }
  if (path !== undefined && typeof path !== 'string' && !(path instanceof RegExp)) {
    throw new TypeError(`${what}.path must be a string or a RegExp, got ${describe(path)}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
