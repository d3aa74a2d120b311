import { InvalidArgumentError } from '@x/core';
import { describe, expect, it } from 'vitest';
import { formatBrowserAIRef, parseBrowserAIRef } from './browserai-ref';

describe('parseBrowserAIRef', () => {
  it('parses the string form and the bare session id', () => {
    expect(parseBrowserAIRef('browserai:sess_4f2a9c')).toBe('sess_4f2a9c');
    expect(parseBrowserAIRef('sess_4f2a9c')).toBe('sess_4f2a9c');
  });

  it('keeps colons and spaces inside the session id', () => {
    expect(parseBrowserAIRef('browserai:a:b c')).toBe('a:b c');
  });

  it.each([
    ['empty', ''],
    ['prefix only', 'browserai:'],
    ['whitespace', 'browserai:   '],
    ['dot-dot', 'browserai:..'],
    ['slash', 'browserai:a/b'],
    ['encoded dot-dot', 'browserai:%2e%2e'],
    ['query', 'browserai:a?b=1'],
    ['fragment', 'browserai:a#b'],
    ['CR/LF', 'browserai:a\r\nb'],
    ['NUL', 'browserai:a\u0000b'],
    ['10,000 characters', `browserai:${'a'.repeat(10_000)}`],
  ])('rejects %s with InvalidArgumentError naming ref and the form', (_label, text) => {
    let caught: unknown;
    try {
      parseBrowserAIRef(text);
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    const error = caught as InvalidArgumentError;
    expect(error.argument).toBe('ref');
    expect(error.message).toContain('browserai:<sessionId>');
    expect(error.message).not.toContain('\n');
  });

  it('rejects a non-string', () => {
    expect(() => parseBrowserAIRef(42 as unknown as string)).toThrow(/ref must be a string/);
  });
});

describe('formatBrowserAIRef', () => {
  it('prints browserai:<sessionId> and round-trips', () => {
    expect(formatBrowserAIRef('sess_4f2a9c')).toBe('browserai:sess_4f2a9c');
    expect(parseBrowserAIRef(formatBrowserAIRef('sess_4f2a9c'))).toBe('sess_4f2a9c');
  });

  it('rejects an invalid session id', () => {
    expect(() => formatBrowserAIRef('a/b')).toThrow(InvalidArgumentError);
    expect(() => formatBrowserAIRef('')).toThrow(/browserai:<sessionId>/);
  });
});
