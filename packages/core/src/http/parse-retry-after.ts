import { parseTimestamp } from '../task/parse-timestamp';

/** Whole or fractional seconds (or ms), first of a comma-joined list (`2, 2` from a proxy and the origin). */
const NUMBER = /^(\d+(?:\.\d+)?)\s*(?:,|$)/;
/** An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, also with `UTC` or `+0000`), first of a comma-joined list. */
const HTTP_DATE =
  /^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+(?:GMT|UTC|[+-]\d{4})(?=\s*(?:,|$))/i;
/** The obsolete forms RFC 9110 still asks recipients to read: RFC 850 and asctime (both UTC). */
const RFC_850 = /^[a-z]+,\s*(\d{1,2})-([a-z]{3})-(\d{2})\s+(\d{2}:\d{2}:\d{2})\s+GMT(?=\s*(?:,|$))/i;
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}:\d{2}:\d{2})\s+(\d{4})(?=\s*(?:,|$))/i;

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
  const time = parseTimestamp(toImfDate(retryAfter, now) ?? '')?.getTime();
  return time === undefined ? undefined : Math.max(0, time - now);
}

/** The HTTP date at the start of `text` in the form `parseTimestamp` reads (it checks every field). */
function toImfDate(text: string, now: number): string | undefined {
  const imf = HTTP_DATE.exec(text);
  if (imf) return imf[0];
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    const [, day, month, shortYear, time] = rfc850;
    // A two-digit year more than 50 years ahead is in the past century (RFC 9110).
    let year = 2000 + Number(shortYear);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
    return `${day} ${month} ${year} ${time} GMT`;
  }
  const asctime = ASCTIME.exec(text);
  if (asctime) {
    const [, month, day, time, year] = asctime;
    return `${day} ${month} ${year} ${time} GMT`;
  }
  return undefined;
}
