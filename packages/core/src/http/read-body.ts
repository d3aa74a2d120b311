/**
 * Thrown by `readBody` when the body grows past the limit. `partial` is the text read so far (at most
 * the limit); the caller redacts it before cutting it down, so no cut can leave part of a secret.
 */
export class BodyTooLargeSignal {
  constructor(readonly partial: string) {}
}

/**
 * Reads a response body as text, stopping (and cancelling the stream) once it passes `maxBytes`,
 * so memory stays bounded whatever the server sends. When `signal` aborts, the stream is cancelled
 * and the read rejects with the signal's reason, even if the stream itself ignores the abort.
 */
export async function readBody(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeSignal('');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLargeSignal(text + decoder.decode());
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (!(error instanceof BodyTooLargeSignal)) reader.cancel().catch(() => {});
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return text + decoder.decode();
}
