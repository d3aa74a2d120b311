import { describe, expect, it } from 'vitest';
import { formatOutput, toOneLine } from './format-values';

describe('toOneLine', () => {
  it('collapses whitespace and line breaks', () => {
    expect(toOneLine('  a\n\tb\r\n c  ')).toBe('a b c');
  });

  it('shows C0 and C1 control characters and DEL as visible escapes', () => {
    expect(toOneLine('\u001b[2J\u001b]0;title\u0007ok\u009b31m\u007f\u0000')).toBe(
      '\\u001b[2J\\u001b]0;title\\u0007ok\\u009b31m\\u007f\\u0000',
    );
    expect(formatOutput('red \u001b[31m')).toBe('red \\u001b[31m');
    expect(toOneLine('caf\u00e9 ✔ 東京')).toBe('caf\u00e9 ✔ 東京'); // printable text is left alone
  });
});
