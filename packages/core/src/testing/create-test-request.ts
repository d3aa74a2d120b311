import type { IncomingMessage } from 'node:http';
import type { TestRequest } from './test-server-types';

/**
 * Turns a Node request into the `TestRequest` of the log: raw path and url kept as received
 * (never decoded), the query decoded into a record (last value wins), header names lower-case
 * (repeated headers joined with `', '`).
 */
export function createTestRequest(incoming: IncomingMessage, receivedAt: number): TestRequest {
  const url = incoming.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query: Record<string, string> = {};
  if (queryStart !== -1) {
    for (const [name, value] of new URLSearchParams(url.slice(queryStart + 1))) query[name] = value;
  }
  const headers: Record<string, string> = {};
  // `headersDistinct`, not `headers`: Node keeps only the first of some repeated headers there
  // (`authorization`, `user-agent`, ...) and joins `cookie` with '; '.
  for (const [name, values] of Object.entries(incoming.headersDistinct)) {
    if (values !== undefined) headers[name.toLowerCase()] = values.join(', ');
  }
  return { method: (incoming.method ?? 'GET').toUpperCase(), path, url, query, headers, receivedAt };
}
