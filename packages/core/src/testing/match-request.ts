import { matchRoutePath } from './match-route-path';
import type { FaultMatch, TestRequest } from './test-server-types';

/**
 * Whether a logged request matches a `FaultMatch` (used by faults and `countRequests`).
 * The method is compared case-insensitively; a string path is a route pattern or an exact raw path,
 * a RegExp is tested on the raw path. A missing criterion matches anything.
 */
export function matchRequest(match: FaultMatch | undefined, request: TestRequest): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method.toUpperCase()) {
    return false;
  }
  const { path } = match;
  if (path === undefined) return true;
  if (typeof path === 'string') return matchRoutePath(path, request.path) !== undefined;
  path.lastIndex = 0; // a global or sticky RegExp keeps state between tests
  return path.test(request.path);
}
