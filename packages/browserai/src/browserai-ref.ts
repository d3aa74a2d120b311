import { InvalidArgumentError, splitRef, validatePathSegment } from '@x/core';

/** The provider's name and string-reference prefix. */
export const BROWSERAI_PROVIDER_NAME = 'browserai';

/** A BrowserAI task reference: its session id (a free string, as in the Projects dashboard). */
export type BrowserAIRef = string;

const EXPECTED = 'browserai:<sessionId>';

/**
 * Parses `"browserai:<sessionId>"` or a bare session id (non-empty, no control characters, no `/ \ ? # %`,
 * at most 512 characters). Throws `InvalidArgumentError` naming `ref` and the expected form.
 */
export function parseBrowserAIRef(text: string): BrowserAIRef {
  return checkRef(splitRef(text, BROWSERAI_PROVIDER_NAME, EXPECTED));
}

/** Prints `"browserai:<sessionId>"`. Throws `InvalidArgumentError` for an invalid session id. */
export function formatBrowserAIRef(ref: BrowserAIRef): string {
  return `${BROWSERAI_PROVIDER_NAME}:${checkRef(ref)}`;
}

function checkRef(sessionId: unknown): string {
  try {
    return validatePathSegment(sessionId, 'sessionId');
  } catch (error) {
    if (!InvalidArgumentError.isInstance(error)) throw error;
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must look like "${EXPECTED}" with a valid session id: ${error.message}`,
    });
  }
}
