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
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: (incoming.method ?? 'GET').toUpperCase(), path, url, query, headers, receivedAt };
}
