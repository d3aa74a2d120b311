import { describe, expect, it } from 'vitest';
import { mapBrowserAIStatus } from './map-browserai-status';

describe('mapBrowserAIStatus', () => {
  it.each([
    ['finalized', 'succeeded'],
    ['failed', 'failed'],
    ['stopped', 'cancelled'],
    ['awaiting', 'paused'],
    ['running', 'running'],
    ['in_progress', 'running'],
    ['queued', 'queued'],
    ['pending', 'queued'],
  ])('maps %s to %s', (word, status) => {
    expect(mapBrowserAIStatus(word)).toBe(status);
  });

  it('ignores case and surrounding spaces', () => {
    expect(mapBrowserAIStatus(' Finalized ')).toBe('succeeded');
    expect(mapBrowserAIStatus('AWAITING')).toBe('paused');
  });

  it.each([['completed'], ['success'], ['processing'], [''], ['finalised']])(
    'maps the unknown word %j to unknown',
    (word) => {
      expect(mapBrowserAIStatus(word)).toBe('unknown');
    },
  );

  it.each([[null], [undefined], [42], [{}]])('maps %j to unknown without throwing', (value) => {
    expect(mapBrowserAIStatus(value)).toBe('unknown');
  });
});
