import { InvalidArgumentError, splitRef, validatePathSegment } from '@x/core';

/** The provider's name, also the prefix of the string form of a reference. */
export const BROWSERAI_PROVIDER_NAME = 'browserai';

/** A BrowserAI task reference: the task's session id (a free string, as in the Projects dashboard). */
export type BrowserAIRef = string;

const EXPECTED = 'browserai:<sessionId>';

/**
 * Parses the string form `"browserai:<sessionId>"` (the bare session id is accepted too) and checks
 * the session id (non-empty, no control characters, no `/ \ ? # %`, at most 512 characters).
 * Throws `InvalidArgumentError` naming `ref` and the expected form.
 */
export function parseBrowserAIRef(text: string): BrowserAIRef {
  return checkRef(splitRef(text, BROWSERAI_PROVIDER_NAME, EXPECTED));
}

/** Prints the string form `"browserai:<sessionId>"`. Throws `InvalidArgumentError` for an invalid session id. */
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
