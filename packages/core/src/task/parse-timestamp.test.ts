import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp';

const time = (value: unknown) => parseTimestamp(value)?.getTime();

describe('parseTimestamp, edge cases of the ISO reading', () => {
  it('reads every ISO date of the years 0000-9999 as the platform reads its own output', () => {
    // About 10,000 instants spread over the whole range, each with its own time of day and milliseconds.
    const first = new Date(0).setUTCFullYear(0, 0, 1);
    const last = new Date(0).setUTCFullYear(9999, 11, 31) + 86_399_999;
    const wrong: string[] = [];
    for (let instant = first; instant <= last; instant += 31_556_926_007) {
      const iso = new Date(instant).toISOString();
      if (time(iso) !== instant) wrong.push(iso);
      if (time(iso.slice(0, -1)) !== instant) wrong.push(`${iso} (naive)`);
      const seconds = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
      if (time(seconds) !== Math.floor(instant / 1000) * 1000) wrong.push(seconds);
    }
    expect(wrong).toEqual([]);
  });

  it('reads the years 0-99 as such, not as 1900-1999', () => {
    expect(parseTimestamp('0050-03-01T00:00:00Z')?.getUTCFullYear()).toBe(50);
    expect(parseTimestamp('0000-02-29')?.toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(parseTimestamp('0100-02-29')).toBeUndefined();
    expect(parseTimestamp('0400-02-29')?.getUTCDate()).toBe(29);
  });

  it.each([
    ['2025-09-01T10:00:00+23:59', Date.UTC(2025, 7, 31, 10, 1)],
    ['2025-09-01T10:00:00-2359', Date.UTC(2025, 8, 2, 9, 59)],
    ['2025-09-01T10:00:00-00:00', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01t10:00:00utc', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01T10:00:00,5Z', Date.UTC(2025, 8, 1, 10, 0, 0, 500)],
    ['2025-09-01T10:00:00.9999Z', Date.UTC(2025, 8, 1, 10, 0, 0, 999)],
    ['2025-09-01T10:00:00.123456789', Date.UTC(2025, 8, 1, 10, 0, 0, 123)],
    ['2025-09-01T23:59:59.999-01', Date.UTC(2025, 8, 2, 0, 59, 59, 999)],
    ['mon, 01 sep 2025 10:00:00 ut', Date.UTC(2025, 8, 1, 10)],
    ['Mon, 01 Sep 2025 10:00:00 UTC', Date.UTC(2025, 8, 1, 10)],
    ['1 Dec 2024 23:59 -0130', Date.UTC(2024, 11, 2, 1, 29)],
    ['Thu, 29 Feb 2024 10:00:59 Z', Date.UTC(2024, 1, 29, 10, 0, 59)],
    ['Sat, 01 Sep 0050 10:00:00 GMT', Date.parse('0050-09-01T10:00:00Z')], // year 50, not 1950
  ])('reads %s', (text, expected) => {
    expect(time(text)).toBe(expected);
  });

  it.each([
    '2025-09-01T10:00:00+24:00',
    '2025-09-01T10:00:00+12:60',
    '2025-09-01T10:00:00+1',
    '2025-09-01T24:00:00',
    '2025-09-01T10:00:60',
    '2025-04-31',
    '2025-1-01',
    '2025-09-01T10',
    '2025-09-01T10:00:00Zulu',
    '٢٠٢٥-09-01',
    'Mon, 01 Sep 2025 10:00:00 UTCC',
    '31 Feb 2025 10:00:00 GMT',
    '29 Feb 2025 10:00:00 GMT',
    '31 Apr 2025 10:00:00 GMT',
    '01 Sep 2025 24:00:00 GMT',
    '01 Sep 2025 10:00:60 GMT',
    '01 Sep 2025 10:60:00 GMT',
    '01 Sep 2025 10:00:00 +9999',
    '00 Sep 2025 10:00:00 GMT',
  ])('rejects %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('returns a valid Date object itself, and rejects epoch milliseconds out of range', () => {
    const date = new Date(0);
    expect(parseTimestamp(date)).toBe(date);
    expect(time(8.64e15)).toBe(8.64e15);
    expect(parseTimestamp(8.64e15 + 1)).toBeUndefined();
  });
});
