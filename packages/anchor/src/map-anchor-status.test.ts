import { describe, expect, it } from 'vitest';
import { mapAnchorStatus } from './map-anchor-status';

describe('mapAnchorStatus', () => {
  it.each([
    ['queued', 'queued'],
    ['running', 'running'],
    ['success', 'succeeded'],
    ['failure', 'failed'],
    ['timeout', 'timed_out'],
    ['cancelled', 'cancelled'],
  ] as const)('maps %s to %s', (word, status) => {
    expect(mapAnchorStatus(word)).toBe(status);
  });

  it('ignores case and surrounding spaces', () => {
    expect(mapAnchorStatus(' SUCCESS ')).toBe('succeeded');
    expect(mapAnchorStatus('Running')).toBe('running');
  });

  it.each(['paused', 'canceled', 'completed', '', 'success!'])(
    'maps the unknown word %j to unknown',
    (word) => {
      expect(mapAnchorStatus(word)).toBe('unknown');
    },
  );

  it('maps null, undefined and non-strings to unknown without throwing', () => {
    expect(mapAnchorStatus(null)).toBe('unknown');
    expect(mapAnchorStatus(undefined)).toBe('unknown');
    expect(mapAnchorStatus(42 as unknown as string)).toBe('unknown');
  });
});
