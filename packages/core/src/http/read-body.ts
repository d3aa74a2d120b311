/** Thrown by `readBody` when the body grows past the limit; the part read so far is kept. */
export class BodyTooLargeSignal {
  constructor(readonly partial: string) {}
}

/**
 * Reads a response body as text, stopping (and cancelling the stream) once it passes `maxBytes`,
 * so memory stays bounded whatever the server sends.
 */
export async function readBody(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeSignal('');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeSignal(text.slice(0, 2_000));
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
