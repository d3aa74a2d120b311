import { InvalidArgumentError } from '@x/core';
import { describe, expect, it } from 'vitest';
import { formatBrowserUseRef, parseBrowserUseRef } from './browser-use-ref';

const ID = 'b7c2f0de-5a61-4f0e-9d3c-2f8a1e6b9c41';

describe('parseBrowserUseRef', () => {
  it('accepts the string form and the bare uuid', () => {
    expect(parseBrowserUseRef(`browser-use:${ID}`)).toBe(ID);
    expect(parseBrowserUseRef(ID)).toBe(ID);
  });

  it.each(['browser-use:', 'browser-use:task_1', `anchor:${ID}`, `browser-use:${ID}/x`, '', 'not-a-uuid'])(
    'rejects %j with InvalidArgumentError naming ref and the form',
    (text) => {
      try {
        parseBrowserUseRef(text);
        expect.unreachable();
      } catch (error) {
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe('ref');
        expect((error as Error).message).toContain('browser-use:<task uuid>');
      }
    },
  );

  it('rejects a non-string', () => {
    expect(() => parseBrowserUseRef(42 as unknown as string)).toThrow(/ref must be a string/);
  });
});

describe('formatBrowserUseRef', () => {
  it('prints browser-use:<uuid> and round-trips', () => {
    expect(formatBrowserUseRef(ID)).toBe(`browser-use:${ID}`);
    expect(parseBrowserUseRef(formatBrowserUseRef(ID))).toBe(ID);
  });

  it('rejects what is not a uuid', () => {
    expect(() => formatBrowserUseRef('task_1')).toThrow(InvalidArgumentError);
    expect(() => formatBrowserUseRef(`browser-use:${ID}`)).toThrow(/must be a Browser Use task uuid/);
  });
});
