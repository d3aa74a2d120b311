import { describe, expect, it } from 'vitest';
import { mapBrowserUseStatus } from './map-browser-use-status';

describe('mapBrowserUseStatus', () => {
  it.each([
    ['created', 'queued'],
    ['started', 'running'],
    ['finished', 'succeeded'],
    ['failed', 'failed'],
    ['stopped', 'cancelled'],
  ] as const)('maps %s to %s', (word, status) => {
    expect(mapBrowserUseStatus(word)).toBe(status);
  });

  it.each([
    ['FINISHED', 'succeeded'],
    [' Started ', 'running'],
    ['\tstopped\n', 'cancelled'],
  ] as const)('ignores case and surrounding spaces: %j is %s', (word, status) => {
    expect(mapBrowserUseStatus(word)).toBe(status);
  });

  it.each(['paused', 'timed_out', 'finish ed', '', 'toString', '__proto__', 'TOSTRING'])(
    'maps the unknown word %j to unknown',
    (word) => {
      expect(mapBrowserUseStatus(word)).toBe('unknown');
    },
  );

  it('maps null, undefined and non-strings to unknown without throwing', () => {
    expect(mapBrowserUseStatus(null)).toBe('unknown');
    expect(mapBrowserUseStatus(undefined)).toBe('unknown');
    expect(mapBrowserUseStatus(42 as unknown as string)).toBe('unknown');
  });
});
