import { extractErrorMessage, toOneLine } from '@x/core';

/**
 * BrowserAI's error text from an error body. The vendor answers `{ "error": "Task not found" }` (401, 404,
 * 500); any other shape falls back to core's generic extractor. Returns one line, or undefined.
 */
export function extractBrowserAIErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const { error } = body as { error?: unknown };
    if (typeof error === 'string' && error.trim() !== '') return toOneLine(error);
  }
  return extractErrorMessage(body);
}
