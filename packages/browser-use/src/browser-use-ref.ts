import { describeValue, InvalidArgumentError, isUuid, splitRef } from '@x/core';

/** A Browser Use task reference: the task's uuid. Its string form is `browser-use:<uuid>`. */
export type BrowserUseRef = string;

/** The provider's name and string-reference prefix. */
export const BROWSER_USE_PROVIDER_NAME = 'browser-use';
const PROVIDER = BROWSER_USE_PROVIDER_NAME;
const EXPECTED = 'browser-use:<task uuid>';

/** Parses `browser-use:<uuid>` or a bare uuid. Throws `InvalidArgumentError` (argument `ref`) for anything else. */
export function parseBrowserUseRef(text: string): BrowserUseRef {
  const id = splitRef(text, PROVIDER, EXPECTED);
  if (!isUuid(id)) {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must look like "${EXPECTED}" (the task id is a uuid), got ${describeValue(text)}`,
    });
  }
  return id;
}

/** Prints `browser-use:<uuid>`. Throws `InvalidArgumentError` unless `ref` is a uuid. */
export function formatBrowserUseRef(ref: BrowserUseRef): string {
  if (!isUuid(ref)) {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must be a Browser Use task uuid, got ${describeValue(ref)}`,
    });
  }
  return `${PROVIDER}:${ref}`;
}
