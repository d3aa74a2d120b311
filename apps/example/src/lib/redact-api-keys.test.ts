import { describe, expect, it } from 'vitest';
import { redactApiKeys } from './redact-api-keys';

describe('redactApiKeys', () => {
  it('never half shows a key that contains another key (the longer one goes first)', () => {
    for (const keys of [
      ['sk-live', 'sk-live-abcdef-123456'],
      ['sk-live-abcdef-123456', 'sk-live'],
    ]) {
      expect(redactApiKeys('echo sk-live-abcdef-123456 end', keys)).toBe('echo [REDACTED] end');
    }
  });
});
