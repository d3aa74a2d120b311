import type { TaskRow } from '../lib/task-board';
import { formatTable, type TableColumn } from './format-table';
import { formatDuration, taskDurationMs, toOneLine } from './format-values';
import { colorStatus, type Palette } from './palette';
import { rowOutcome, rowStatus, rowStatusText } from './row-fields';

const COLUMNS: TableColumn[] = [
  { header: 'provider' },
  { header: 'reference', cut: 'middle', minWidth: 22, shrinkOrder: 0 },
  { header: 'status' },
  { header: 'duration', align: 'right' },
  { header: 'steps', align: 'right' },
  { header: 'cost', align: 'right' },
  { header: 'output or error', cut: 'end', minWidth: 30 },
];

export interface SummaryTableOptions {
  /** Terminal width to fit in (the CLI uses 100 when the output is not a terminal). */
  width: number;
  palette: Palette;
  now?: number;
}

/**
 * The final table: provider, reference, status, duration, steps, cost, and the output or error,
 * with the reference cut in the middle and the output at the end so every line fits `width`.
 */
export function formatSummaryTable(rows: readonly TaskRow[], options: SummaryTableOptions): string {
  const { palette } = options;
  const now = options.now ?? Date.now();
  const cells = rows.map((row) => [
    row.provider,
    row.ref,
    colorStatus(palette, rowStatus(row), rowStatusText(row)),
    formatDuration(taskDurationMs(row.task, now)),
    row.task ? String(row.task.steps.length) : '–',
    row.task?.cost !== undefined ? toOneLine(row.task.cost) : '–',
    rowOutcome(row),
  ]);
  return formatTable(COLUMNS, cells, { width: options.width, header: (text) => palette.bold(text) }).join(
    '\n',
  );
}
