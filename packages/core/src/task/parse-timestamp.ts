// ISO 8601 as vendors send it: a date, an optional time (`T` or a space), an optional zone
// (`Z`, `+02:00`, `-0530`, `+03`, or the words UTC / GMT). The fields have fixed places, so only
// what tells which are there is captured: 1 the time's `T`, 2 the seconds, 3 the fraction, 4 the zone.
const ISO =
  /^\d{4}-\d{2}-\d{2}(?:([T ])\d{2}:\d{2}(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 1123 / RFC 2822 dates (HTTP headers, some vendors): they always carry their zone. (Case is
// ignored throughout: `[a-z]{3}` is any day name's three letters, `UTC?` is UT or UTC.) Captured:
// 1 day, 2 month name, 3 year, 4 hours, 5 minutes, 6 seconds, 7 zone.
const RFC_2822 =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+(GMT|UTC?|Z|[+-]\d{4})$/i;
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/**
 * Parses a vendor timestamp. A timestamp with no zone (Browser Use sends "naive UTC") is read as UTC,
 * whatever the machine's time zone. Accepts ISO 8601 (with or without zone), RFC 1123 / 2822 dates,
 * epoch milliseconds and `Date` objects. Returns `undefined` for null, empty, impossible dates
 * (`2025-02-30`) or anything else: a bad timestamp never fails a whole task, and never turns into a
 * made-up date (the platform parser reads `"Task 12"` as December 2001).
 */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    const iso = ISO.exec(text);
    if (iso) return fromIso(text, iso);
    const rfc = RFC_2822.exec(text);
    return rfc ? fromRfc2822(rfc) : undefined;
  }
  if (typeof value === 'number') return valid(new Date(value));
  return value instanceof Date ? valid(value) : undefined;
}

/** `text` matched `ISO`: its fields are ASCII digits at fixed places, `YYYY-MM-DDThh:mm:ss`. */
function fromIso(text: string, match: RegExpExecArray): Date | undefined {
  const y = digits(text, 0) * 100 + digits(text, 2);
  const m = digits(text, 5);
  const d = digits(text, 8);
  const h = match[1] ? digits(text, 11) : 0;
  const min = match[1] ? digits(text, 14) : 0;
  const s = match[2] ? digits(text, 17) : 0;
  // The zone: no zone (naive means UTC), Z, UTC and GMT have no sign and no offset; else ±hh, ±hhmm, ±hh:mm.
  const zone = match[4] ?? '';
  const sign = zone[0] === '-' ? -1 : zone[0] === '+' ? 1 : 0;
  const zoneHours = sign ? digits(zone, 1) : 0;
  const zoneMinutes = zone.length > 3 ? digits(zone, zone.length - 2) : 0;
  const fraction = match[3];
  const ms = fraction ? Number(`${fraction}00`.slice(0, 3)) : 0; // the first three digits, zero-padded
  return fromFields(y, m, d, h, min, s, ms, sign, zoneHours, zoneMinutes);
}

/** `RFC_2822` matched: the same checks as ISO, so `31 Feb` or `10:00:60` is no date (V8 would roll it over). */
function fromRfc2822(match: RegExpExecArray): Date | undefined {
  const zone = match[7]!;
  const sign = zone[0] === '-' ? -1 : zone[0] === '+' ? 1 : 0;
  return fromFields(
    Number(match[3]),
    MONTHS.indexOf(match[2]!.toLowerCase()) / 3 + 1,
    Number(match[1]),
    Number(match[4]),
    Number(match[5]),
    match[6] ? Number(match[6]) : 0,
    0,
    sign,
    sign ? Number(zone.slice(1, 3)) : 0,
    sign ? Number(zone.slice(3, 5)) : 0,
  );
}

/** A date from its fields, or undefined when one is out of range (`2025-02-30`, `24:00`, `+99:99`). */
function fromFields(
  y: number,
  m: number,
  d: number,
  h: number,
  min: number,
  s: number,
  ms: number,
  sign: number,
  zoneHours: number,
  zoneMinutes: number,
): Date | undefined {
  // Days in the month: February by the leap-year rule, else 30 or 31.
  const days =
    m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : 30 + ((m + (m >> 3)) & 1);
  if (m < 1 || m > 12 || d < 1 || d > days || h > 23 || min > 59 || s > 59) return undefined;
  if (zoneHours > 23 || zoneMinutes > 59) return undefined;
  const offset = sign * (zoneHours * 60 + zoneMinutes);
  // Date.UTC reads the years 0-99 as 1900-1999: count 400 years later (exactly 146,097 days) and take them back.
  // Years 0000-9999 stay well inside Date's range: the date is always valid.
  return new Date(Date.UTC(y + 400, m - 1, d, h, min - offset, s, ms) - 146_097 * 86_400_000);
}

/** The two ASCII digits of `text` at `at`, as a number. */
function digits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
