import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/** One column of a text table. */
export interface TableColumn {
  header: string;
  /** Default: `'left'`. */
  align?: 'left' | 'right';
  /** Where the text is cut when the table is too wide; a column without `cut` keeps its width. */
  cut?: 'end' | 'middle';
  /** The narrowest a cut column gets before the next one is cut. Default: 10. */
  minWidth?: number;
  /** Cut columns shrink by ascending `shrinkOrder`. Default: the last column first. */
  shrinkOrder?: number;
}

export interface FormatTableOptions {
  /** The width to fit in, in terminal columns. */
  width: number;
  /** Spaces between columns. Default: 2. */
  gap?: number;
  /** Styles the header cells (e.g. bold); the header is left out when this is `false`. */
  header?: ((text: string) => string) | false;
}

/**
 * Lays out `cells` (which may hold colour codes) as aligned columns that fit in `width`: the columns that
 * may be cut shrink in their `shrinkOrder`, each down to its `minWidth`, then further if needed; any line still too
 * wide is cut at the end.
 */
export function formatTable(
  columns: readonly TableColumn[],
  cells: readonly string[][],
  options: FormatTableOptions,
): string[] {
  const gap = options.gap ?? 2;
  const showHeader = options.header !== false;
  const widths = columns.map((column, index) =>
    Math.max(
      showHeader ? stringWidth(column.header) : 0,
      ...cells.map((row) => stringWidth(row[index] ?? '')),
    ),
  );
  let overflow = widths.reduce((sum, width) => sum + width, 0) + gap * (columns.length - 1) - options.width;
  const order = columns
    .map((column, index) => ({ column, index, rank: column.shrinkOrder ?? columns.length - index }))
    .filter((entry) => entry.column.cut)
    .sort((a, b) => a.rank - b.rank);
  // Each cut column in turn down to its minWidth; then, if still too wide, down to 6 columns.
  for (const floor of [(column: TableColumn) => column.minWidth ?? 10, () => 6]) {
    for (const { column, index } of order) {
      if (overflow <= 0) break;
      const current = widths[index]!;
      const next = Math.max(Math.min(floor(column), current), current - overflow);
      widths[index] = next;
      overflow -= current - next;
    }
  }
  const line = (row: readonly string[]) =>
    columns
      .map((column, index) => fitCell(row[index] ?? '', widths[index]!, column, index === columns.length - 1))
      .join(' '.repeat(gap))
      .trimEnd();
  const style = options.header || ((text: string) => text);
  const lines = cells.map(line);
  if (showHeader) lines.unshift(line(columns.map((column) => style(column.header))));
  return lines.map((text) => (stringWidth(text) > options.width ? cliTruncate(text, options.width) : text));
}

function fitCell(text: string, width: number, column: TableColumn, last: boolean): string {
  const cut = stringWidth(text) > width ? cliTruncate(text, width, { position: column.cut ?? 'end' }) : text;
  const padding = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  if (column.align === 'right') return padding + cut;
  return last ? cut : cut + padding;
}
