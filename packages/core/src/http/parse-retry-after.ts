/** Whole or fractional seconds (or ms), first of a comma-joined list (`2, 2` from a proxy and the origin). */
const NUMBER = /^(\d+(?:\.\d+)?)\s*(?:,|$)/;
/**
 * An HTTP date, first of a comma-joined list: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, also with
 * `UTC` or `+0000`, weekday optional; HTTP dates are always UTC) and the obsolete forms RFC 9110 still asks recipients to read,
 * RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`, UTC). The shape
 * is checked here, so `Date.parse` never gets the loose inputs it would misread (`-5`, `1,5`).
 */
const HTTP_DATE =
  /^(?:(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d\d:\d\d:\d\d\s+(?:GMT|UTC|[+-]0000)|[a-z]+,\s*\d{1,2}-[a-z]{3}-\d\d\s+\d\d:\d\d:\d\d\s+GMT|[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d\d:\d\d:\d\d\s+\d{4})(?=\s*(?:,|$))/i;

/**
 * The server's wait hint in milliseconds: `retry-after-ms`, else `retry-after` in seconds or as an HTTP
 * date. Returns `undefined` when there is no usable hint (then the usual backoff applies): a negative,
 * empty or unreadable value is no hint, never a wait of 0. `now` is injectable for tests.
 */
export function parseRetryAfter(
  headers: Record<string, string>,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = NUMBER.exec(headers['retry-after-ms']?.trim() ?? '');
  if (milliseconds) return Number(milliseconds[1]);
  const retryAfter = headers['retry-after']?.trim() ?? '';
  const seconds = NUMBER.exec(retryAfter);
  if (seconds) return Math.round(Number(seconds[1]) * 1000);
  const date = HTTP_DATE.exec(retryAfter)?.[0];
  // asctime carries no zone: it is UTC.
  const time =
    date === undefined ? Number.NaN : Date.parse(/:\d\d\s+\d{4}$/.test(date) ? `${date} GMT` : date);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now);
}
