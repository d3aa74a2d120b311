/**
 * Thrown by `readBody` when the body grows past the limit. `partial` is the first `maxBytes` bytes of it
 * as text; the caller redacts it before cutting it down, so no cut can leave part of a secret.
 */
export class BodyTooLargeSignal {
  constructor(readonly partial: string) {}
}

// Without `stream`, each `decode` starts afresh (BOM included), so one decoder serves every body.
const decoder = new TextDecoder();

/** The bytes of `chunks` as UTF-8 text (a leading byte-order mark dropped). */
function decode(chunks: Uint8Array[], size: number): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

/** A chunk as bytes: any ArrayBuffer or view of one, as `TextDecoder` takes; anything else is its TypeError. */
function toBytes(chunk: BufferSource): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  decoder.decode(chunk); // throws for what is neither an ArrayBuffer nor a view of one
  const view = chunk as ArrayBufferView;
  return new Uint8Array(view.buffer ?? chunk, view.byteOffset, chunk.byteLength);
}

/**
 * Reads a response body as text, stopping (and cancelling the stream) once it passes `maxBytes`,
 * so memory stays bounded whatever the server sends. Once `signal` is aborted no further chunk is
 * read; `onReader` gets the stream's reader, so whoever aborts can cancel a read that is under way.
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
  onReader: (reader: ReadableStreamDefaultReader<Uint8Array>) => void,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeSignal('');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  onReader(reader);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) return decode(chunks, size);
      const bytes = toBytes(value);
      if (size + bytes.byteLength > maxBytes) {
        await reader.cancel().catch(() => {});
        // What fits of the chunk that overflows is kept too: the start of the body is what tells.
        chunks.push(bytes.subarray(0, maxBytes - size));
        throw new BodyTooLargeSignal(decode(chunks, maxBytes));
      }
      size += bytes.byteLength;
      chunks.push(bytes);
    }
  } catch (error) {
    if (!(error instanceof BodyTooLargeSignal)) reader.cancel().catch(() => {});
    throw error;
  }
}
