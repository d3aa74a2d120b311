import type { ServerResponse } from 'node:http';
import type { RequestScope } from './create-request-scope';
import type { SerializedReply } from './serialize-reply';
import type { Fault } from './test-server-types';

/** How a reply's body is delivered: the body-shaping fields of a `Fault`. */
export type ReplyDelivery = Pick<
  Fault,
  'truncateAfterBytes' | 'stallAfterBytes' | 'stallMs' | 'chunkDelayMs' | 'chunkSize'
>;

/** The chunk size of a slow body when the fault does not set `chunkSize`. */
const DEFAULT_CHUNK_SIZE = 16;

/**
 * Writes a serialized reply, shaped by `delivery`:
 * - nothing set: headers and body at once;
 * - `truncateAfterBytes`: headers (full content-length), the first N bytes, then the connection closes;
 * - `stallAfterBytes`: headers (full content-length), the first N bytes, then silence until the scope
 *   closes, or for `stallMs` and then the rest;
 *   for both, an N at or past the end of the body still holds back its last byte, so the reply is never
 *   whole before the fault has played out, and `connection: close` keeps the client from queueing its
 *   next request on a connection the fault holds or cuts;
 * - `chunkDelayMs`: whatever is sent goes out in `chunkSize` pieces with this pause between them.
 * Stops as soon as the scope closes (client gone or server closing).
 */
export async function writeReply(
  response: ServerResponse,
  reply: SerializedReply,
  delivery: ReplyDelivery,
  scope: RequestScope,
): Promise<void> {
  const { truncateAfterBytes, stallAfterBytes, stallMs, chunkDelayMs } = delivery;
  const cuts = truncateAfterBytes !== undefined || stallAfterBytes !== undefined;
  response.writeHead(reply.status, cuts ? { ...reply.headers, connection: 'close' } : reply.headers);
  if (!cuts && chunkDelayMs === undefined) {
    response.end(reply.body);
    return;
  }

  response.flushHeaders();
  const cut = cuts
    ? Math.min(Math.max(reply.body.length - 1, 0), truncateAfterBytes ?? stallAfterBytes ?? 0)
    : reply.body.length;
  await writeBytes(response, reply.body.subarray(0, cut), delivery, scope);
  if (scope.closed) return;

  if (truncateAfterBytes !== undefined) {
    // Flush what was written (end() uncorks), then drop the connection with the body incomplete.
    const socket = response.socket;
    socket?.end(() => socket.destroy());
    return;
  }
  if (stallAfterBytes !== undefined) {
    if (stallMs === undefined) return; // silent until the client goes away or the server closes
    await scope.sleep(stallMs);
    if (scope.closed) return;
    await writeBytes(response, reply.body.subarray(cut), delivery, scope);
    if (scope.closed) return;
  }
  response.end();
}

/** Writes bytes at once, or in chunks with `chunkDelayMs` between them; resolves early if the scope closes. */
async function writeBytes(
  response: ServerResponse,
  bytes: Buffer,
  delivery: ReplyDelivery,
  scope: RequestScope,
): Promise<void> {
  if (bytes.length === 0) return;
  if (delivery.chunkDelayMs === undefined) {
    await writeChunk(response, bytes, scope);
    return;
  }
  const size = delivery.chunkSize ?? DEFAULT_CHUNK_SIZE;
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (offset > 0) await scope.sleep(delivery.chunkDelayMs);
    if (scope.closed) return;
    await writeChunk(response, bytes.subarray(offset, offset + size), scope);
  }
}

/** Writes one chunk and waits until it is handed to the socket (or the scope closes). */
function writeChunk(response: ServerResponse, chunk: Buffer, scope: RequestScope): Promise<void> {
  return Promise.race([
    new Promise<void>((resolve) => {
      response.write(chunk, () => resolve());
    }),
    scope.whenClosed,
  ]);
}
