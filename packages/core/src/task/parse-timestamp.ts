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
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction, zone] = match;
  const numbers = { month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute) };
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(Number(year), numbers.month, 0); // day 0 of the next month: the month's last day
  const daysInMonth = lastDay.getUTCDate();
  if (numbers.month < 1 || numbers.month > 12 || numbers.day < 1 || numbers.day > daysInMonth)
    return undefined;
  if (numbers.hour > 23 || numbers.minute > 59 || Number(second) > 59) return undefined;
  const offset = toOffset(zone);
  if (offset === undefined) return undefined;
  const milliseconds = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  return valid(new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${milliseconds}${offset}`));
}

/** `Z` for no zone (naive means UTC), UTC and GMT; `+hh:mm` for any offset form. */
function toOffset(zone: string | undefined): string | undefined {
  if (zone === undefined || /^(?:z|utc|gmt)$/i.test(zone)) return 'Z';
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${zone[0]}${digits.slice(0, 2)}:${String(minutes).padStart(2, '0')}`;
}

function valid(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}
