import { describe, expect, it } from 'vitest';
import { extractAnchorErrorMessage } from './anchor-error';

describe('extractAnchorErrorMessage', () => {
  it("reads Anchor's { error: { code, message } }", () => {
    expect(extractAnchorErrorMessage({ error: { code: 404, message: 'Execution not found' } })).toBe(
      'Execution not found',
    );
  });

  it('cuts a multi-line message to one line', () => {
    expect(extractAnchorErrorMessage({ error: { code: 500, message: 'boom\n  at line 2' } })).toBe(
      'boom at line 2',
    );
  });

  it('falls back to the generic extractor for other shapes', () => {
    expect(extractAnchorErrorMessage({ error: 'Invalid API key' })).toBe('Invalid API key');
    expect(extractAnchorErrorMessage({ detail: 'Not allowed' })).toBe('Not allowed');
    expect(extractAnchorErrorMessage({ message: 'Too many requests' })).toBe('Too many requests');
    expect(extractAnchorErrorMessage('<html><title>502 Bad Gateway</title><body>…</body></html>')).toBe(
      '502 Bad Gateway',
    );
    expect(extractAnchorErrorMessage('upstream timeout')).toBe('upstream timeout');
  });

  it('returns undefined when the body says nothing useful', () => {
    expect(extractAnchorErrorMessage({ error: { code: 500 } })).toBeUndefined();
    expect(extractAnchorErrorMessage({ error: { code: 500, message: '  ' } })).toBeUndefined();
    expect(extractAnchorErrorMessage(null)).toBeUndefined();
    expect(extractAnchorErrorMessage('')).toBeUndefined();
  });
});
