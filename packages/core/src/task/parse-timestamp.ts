// ISO 8601 as vendors send it: a date, an optional time (`T` or a space), an optional zone
// (`Z`, `+02:00`, `-0530`, `+03`, or the words UTC / GMT).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 1123 / RFC 2822 dates (HTTP headers, some vendors): they always carry their zone.
const RFC_2822 =
  /^(?:[A-Z][a-z]{2},?\s+)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC|UT|Z|[+-]\d{4})$/i;

/**
 * Parses a vendor timestamp. A timestamp with no zone (Browser Use sends "naive UTC") is read as UTC,
 * whatever the machine's time zone. Accepts ISO 8601 (with or without zone), RFC 1123 / 2822 dates,
 * epoch milliseconds and `Date` objects. Returns `undefined` for null, empty, impossible dates
 * (`2025-02-30`) or anything else: a bad timestamp never fails a whole task, and never turns into a
 * made-up date (the platform parser reads `"Task 12"` as December 2001).
 */
export function parseTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso);
  if (RFC_2822.test(text)) return valid(new Date(text));
  return undefined;
}

function fromIso(match: RegExpExecArray): Date | undefined {
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const h = Number(hour ?? 0);
  const min = Number(minute ?? 0);
  const s = Number(second ?? 0);
  // Days in the month: February by the leap-year rule, else 30 or 31.
  const days =
    m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);
  if (m < 1 || m > 12 || d < 1 || d > days || h > 23 || min > 59 || s > 59) return undefined;
  const offset = toOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  // Date.UTC reads the years 0-99 as 1900-1999: count 400 years later (exactly 146,097 days) and take them back.
  return valid(new Date(Date.UTC(y + 400, m - 1, d, h, min - offset, s, ms) - 146_097 * 86_400_000));
}

/** The zone's offset from UTC in minutes: 0 for no zone (naive means UTC), UTC and GMT. */
function toOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
