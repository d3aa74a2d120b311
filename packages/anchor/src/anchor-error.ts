import { extractErrorMessage, toOneLine } from '@x/core';

/**
 * The vendor's error text from an Anchor error body. Anchor answers `{ error: { code, message } }`;
 * its `message` is used as is (one line). Any other shape (plain text, HTML, `{ detail }`, ...) goes
 * through core's `extractErrorMessage`. Returns `undefined` when the body says nothing useful, so
 * the message falls back to the HTTP status text.
 */
export function extractAnchorErrorMessage(body: unknown): string | undefined {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const error = (body as { error?: unknown }).error;
    if (error !== null && typeof error === 'object') {
      const message = (error as { message?: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '') return toOneLine(message);
    }
  }
  return extractErrorMessage(body);
}
