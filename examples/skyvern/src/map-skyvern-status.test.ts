import { describe, expect, it } from 'vitest';
import { mapSkyvernStatus } from './map-skyvern-status';

describe('mapSkyvernStatus', () => {
  it.each([
    ['created', 'queued'],
    ['queued', 'queued'],
    ['running', 'running'],
    ['paused', 'paused'],
    ['completed', 'succeeded'],
    ['failed', 'failed'],
    ['terminated', 'failed'],
    ['timed_out', 'timed_out'],
    ['canceled', 'cancelled'],
  ] as const)('maps %s to %s', (word, status) => {
    expect(mapSkyvernStatus(word)).toBe(status);
  });

  it('ignores case and surrounding spaces', () => {
    expect(mapSkyvernStatus(' COMPLETED ')).toBe('succeeded');
    expect(mapSkyvernStatus('Timed_Out')).toBe('timed_out');
  });

  it.each(['cancelled', 'succeeded', 'timeout', 'pending', '', 'completed!'])(
    'maps the word %j, which Skyvern does not send, to unknown',
    (word) => {
      expect(mapSkyvernStatus(word)).toBe('unknown');
    },
  );

  it('maps null, undefined and non-strings to unknown without throwing', () => {
    expect(mapSkyvernStatus(null)).toBe('unknown');
    expect(mapSkyvernStatus(undefined)).toBe('unknown');
    expect(mapSkyvernStatus(42 as unknown as string)).toBe('unknown');
  });
});
