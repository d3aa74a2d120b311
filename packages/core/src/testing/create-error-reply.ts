import type { RouteReply } from './test-server-types';

/** The 500 answer for an error thrown while answering a request: `{ error: message }`. */
export function createErrorReply(error: unknown): RouteReply {
  return { status: 500, body: { error: error instanceof Error ? error.message : String(error) } };
}
