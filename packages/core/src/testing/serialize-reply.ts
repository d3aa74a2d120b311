import type { RouteReply } from './test-server-types';

/** A reply ready to be written: status, lower-case headers (content-length included) and body bytes. */
export interface SerializedReply {
  /** The HTTP status code. */
  status: number;
  /** The response headers, names lower-case, with `content-length` (unless the reply set its own). */
  headers: Record<string, string>;
  /** The body bytes. */
  body: Buffer;
}

/**
 * Serializes a `RouteReply`: a string or bytes are sent as is, `undefined` is an empty body, anything
 * else is JSON with content-type `application/json`. The reply's own headers win over these defaults.
 * Throws when the body cannot be JSON-serialized (the caller answers 500).
 */
export function serializeReply(reply: RouteReply): SerializedReply {
  const { body } = reply;
  let bytes: Buffer;
  let contentType: string | undefined;
  if (body === undefined) {
    bytes = Buffer.alloc(0);
  } else if (typeof body === 'string') {
    bytes = Buffer.from(body, 'utf8');
    contentType = 'text/plain; charset=utf-8';
  } else if (body instanceof Uint8Array) {
    bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    contentType = 'application/octet-stream';
  } else {
    const json = JSON.stringify(body);
    if (json === undefined) throw new TypeError(`cannot serialize a ${typeof body} body as JSON`);
    bytes = Buffer.from(json, 'utf8');
    contentType = 'application/json';
  }
  const headers: Record<string, string> = { 'content-length': String(bytes.length) };
  if (contentType !== undefined) headers['content-type'] = contentType;
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  return { status: reply.status, headers, body: bytes };
}
