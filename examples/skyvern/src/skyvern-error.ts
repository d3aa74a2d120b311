import { extractErrorMessage } from '@x/core';

/**
 * The vendor's error text from a Skyvern error body. Skyvern is a FastAPI app: its errors are
 * `{ detail: "…" }` (403 `Invalid credentials`, 404 `Task run not found tsk_…`) or, for a 422,
 * `{ detail: [{ loc, msg, type }] }`. Core's `extractErrorMessage` reads both (a validation list becomes
 * `path.run_id: Field required`), and plain text or HTML (a gateway's 502) too. Returns one line, or
 * `undefined` when the body says nothing useful.
 */
export function extractSkyvernErrorMessage(body: unknown): string | undefined {
  return extractErrorMessage(body);
}
