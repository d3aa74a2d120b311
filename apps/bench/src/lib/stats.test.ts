import { describe, expect, it } from 'vitest';
import { median, percentile, sum } from './stats';

describe('stats', () => {
  it('percentile uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index); // 100..1, unsorted
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 90)).toBe(90);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('median of odd and even counts, sum', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(sum([1, 2, 3.5])).toBe(6.5);
  });
});
