import type { FetchFunction } from '@x/core';
import { apiKeysFromEnvironment, apiKeysFromHeaders, redactApiKeys } from './redact-api-keys';

/** A retryable answer seen on the wire (429, 408, 409 or 5xx), before the SDK retries it. */
export interface HttpIncident {
  url: string;
  status: number;
  /** The status line's text, API keys redacted (a server may echo the key there). */
  statusText: string;
  /** The `Retry-After` header as sent, API keys redacted, when there was one. */
  retryAfter?: string | undefined;
}

export interface ObserveFetchOptions {
  /**
   * Keys to redact besides the one the request carries and those of the vendors' environment
   * variables (the demo passes its sandboxes' keys).
   */
  secrets?: readonly string[] | undefined;
}

/**
 * Wraps `fetch` so the CLI can show what the SDK handles silently: each retryable answer is reported
 * to `onIncident`, and the response goes on to the SDK untouched (which then retries it).
 * This sees the answer before the SDK's redaction, so the text it reports is redacted here: the key the
 * request carried, the keys of `BROWSER_USE_API_KEY`, `ANCHORBROWSER_API_KEY` and `BROWSERAI_API_KEY`,
 * and `options.secrets` never reach the output, even when a server echoes them back.
 */
export function observeFetch(
  onIncident: (incident: HttpIncident) => void,
  base: FetchFunction = fetch,
  options: ObserveFetchOptions = {},
): FetchFunction {
  return async (input, init) => {
    const response = await base(input, init);
    if (isRetryable(response.status)) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const keys = [
        ...apiKeysFromHeaders(init?.headers),
        ...(input instanceof Request ? apiKeysFromHeaders(input.headers) : []),
        ...apiKeysFromEnvironment(),
        ...(options.secrets ?? []),
      ];
      const retryAfter = response.headers.get('retry-after');
      onIncident({
        url,
        status: response.status,
        statusText: redactApiKeys(response.statusText, keys),
        retryAfter: retryAfter === null ? undefined : redactApiKeys(retryAfter, keys),
      });
    }
    return response;
  };
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
