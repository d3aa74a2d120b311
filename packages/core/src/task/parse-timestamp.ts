const HAS_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?/;

/**
 * Parses a vendor timestamp. A timestamp with no zone (Browser Use sends "naive UTC") is read as UTC,
 * whatever the machine's time zone. Returns `undefined` for null, empty or unparseable input: a bad
 * timestamp never fails a whole task.
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
  let normalized = text;
  if (ISO_LIKE.test(text) && !HAS_ZONE.test(text)) {
    normalized = text.replace(' ', 'T');
    // A date alone ("2025-01-02") is already read as UTC by Date; a date-time needs the zone.
    if (normalized.includes('T')) normalized += 'Z';
  }
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
