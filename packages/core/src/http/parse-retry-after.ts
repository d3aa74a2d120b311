import { parseTimestamp } from '../task/parse-timestamp';

/** Whole or fractional seconds (or ms), first of a comma-joined list (`2, 2` from a proxy and the origin). */
const NUMBER = /^(\d+(?:\.\d+)?)\s*(?:,|$)/;
/** An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), first of a comma-joined list. */
const HTTP_DATE = /^[a-z]{3},\s*\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT(?=\s*(?:,|$))/i;

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
  const date = HTTP_DATE.exec(retryAfter);
  const time = date ? parseTimestamp(date[0])?.getTime() : undefined;
  return time === undefined ? undefined : Math.max(0, time - now);
}
