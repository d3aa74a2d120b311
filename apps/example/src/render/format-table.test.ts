import picocolors from 'picocolors';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable, type TableColumn } from './format-table';

const COLUMNS: TableColumn[] = [
  { header: 'name' },
  { header: 'reference', cut: 'middle', minWidth: 12, shrinkOrder: 0 },
  { header: 'n', align: 'right' },
  { header: 'output', cut: 'end', minWidth: 10 },
];
const ROWS = [
  [
    'anchor',
    'anchor:11111111-2222-3333-4444-555555555555',
    '3',
    'A long output that will not fit in the table',
  ],
  ['browserai', 'browserai:abc', '12', 'short'],
];

describe('formatTable', () => {
  it('aligns columns and leaves no trailing spaces when everything fits', () => {
    expect(formatTable(COLUMNS, [['a', 'b', '1', 'x']], { width: 80 })).toEqual([
      'name  reference  n  output',
      'a     b          1  x',
    ]);
  });

  it('fits the width: the reference is cut in the middle first, then the output at the end', () => {
    const lines = formatTable(COLUMNS, ROWS, { width: 50 });
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    expect(lines[1]).toMatch(/^anchor {5}anchor…55555 {2} 3 {2}A long output.*…$/);
    expect(lines[2]).toBe('browserai  browse…i:abc  12  short'); // 13 characters cut to 12
  });

  it('shrinks below the minimum widths when it must, and never exceeds the width', () => {
    for (const width of [20, 30, 40]) {
      for (const line of formatTable(COLUMNS, ROWS, { width }))
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('measures coloured cells by what shows, not by their escape codes', () => {
    const colors = picocolors.createColors(true);
    const lines = formatTable(
      [{ header: 'status' }, { header: 'x' }],
      [
        [colors.green('succeeded'), '1'],
        ['failed', '2'],
      ],
      { width: 40, header: false },
    );
    expect(lines[0]).toBe(`${colors.green('succeeded')}  1`);
    expect(lines[1]).toBe('failed     2');
  });
});
