import { InvalidArgumentError } from '@x/core';
import { describe, expect, it } from 'vitest';
import { formatSkyvernRef, parseSkyvernRef } from './skyvern-ref';

describe('skyvern references', () => {
  it.each(['tsk_123', 'tsk_v2_486305187432193504', 'wr_123'])('round-trips the run id %s', (runId) => {
    expect(parseSkyvernRef(`skyvern:${runId}`)).toBe(runId);
    expect(parseSkyvernRef(runId)).toBe(runId);
    expect(formatSkyvernRef(runId)).toBe(`skyvern:${runId}`);
  });

  it.each(['', 'skyvern:', 'skyvern:tsk_1/cancel', 'tsk_1/cancel', '..', 'tsk_1\r\n', '%2e%2e'])(
    'parseRef rejects %j',
    (text) => {
      expect(() => parseSkyvernRef(text)).toThrow(InvalidArgumentError);
    },
  );

  it.each(['', ' ', 'tsk_1/cancel', '..', 'tsk_1?x=1', 'tsk_1\r\n'])('formatRef rejects %j', (runId) => {
    expect(() => formatSkyvernRef(runId)).toThrow(InvalidArgumentError);
  });
});
