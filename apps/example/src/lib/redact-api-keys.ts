import { redactSecret } from '@x/core';

/** The environment variables the vendors' keys come from (also set by a `.env` file). */
export const API_KEY_VARIABLES = [
  'BROWSER_USE_API_KEY',
  'ANCHORBROWSER_API_KEY',
  'BROWSERAI_API_KEY',
] as const;

/** The request headers the vendors' keys travel in (BrowserAI's as `Authorization: apikey <KEY>`). */
const KEY_HEADERS = ['x-browser-use-api-key', 'anchor-api-key', 'authorization'] as const;

/** The keys set in the environment variables of the three vendors. */
export function apiKeysFromEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  return API_KEY_VARIABLES.map((name) => env[name]).filter((key): key is string => Boolean(key));
}

/** The keys a request carries in the vendors' auth headers, whatever their source. */
export function apiKeysFromHeaders(headers: HeadersInit | undefined): string[] {
  let parsed: Headers;
  try {
    parsed = new Headers(headers);
  } catch {
    return [];
  }
  const keys: string[] = [];
  for (const name of KEY_HEADERS) {
    const value = parsed.get(name);
    if (!value) continue;
    keys.push(value);
    // `Authorization: apikey <KEY>` (or `Bearer <KEY>`): the key alone may be echoed too.
    const credentials = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (name === 'authorization' && credentials) keys.push(credentials);
  }
  return keys;
}

/**
 * Replaces every key of `keys` in `text` with `[REDACTED]` (as the SDK does in its errors), the longest
 * first so that a key holding another one is never half shown. Keys shorter than 4 characters are left.
 */
export function redactApiKeys(text: string, keys: Iterable<string>): string {
  const distinct = new Set<string>();
  for (const key of keys) {
    distinct.add(key);
    distinct.add(key.trim()); // what a header carries: fetch drops a key's surrounding spaces
  }
  return [...distinct]
    .sort((a, b) => b.length - a.length)
    .reduce((redacted, key) => redactSecret(redacted, key), text);
}
