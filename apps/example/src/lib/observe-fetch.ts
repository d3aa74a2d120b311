import type { FetchFunction } from '@x/core';

/** A retryable answer seen on the wire (429, 408, 409 or 5xx), before the SDK retries it. */
export interface HttpIncident {
  url: string;
  status: number;
  statusText: string;
  /** The `Retry-After` header as sent, when there was one. */
  retryAfter?: string;
}

/**
 * Wraps `fetch` so the CLI can show what the SDK handles silently: each retryable answer is reported
 * to `onIncident`, and the response goes on to the SDK untouched (which then retries it).
 */
export function observeFetch(
  onIncident: (incident: HttpIncident) => void,
  base: FetchFunction = fetch,
): FetchFunction {
  return async (input, init) => {
    const response = await base(input, init);
    if (isRetryable(response.status)) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      onIncident({
        url,
        status: response.status,
        statusText: response.statusText,
        retryAfter: response.headers.get('retry-after') ?? undefined,
      });
    }
    return response;
  };
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
