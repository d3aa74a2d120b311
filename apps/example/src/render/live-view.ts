import cliSpinners from 'cli-spinners';
import { createLogUpdate } from 'log-update';
import { describeError } from '../lib/describe-error';
import type { TaskBoard, TaskRow } from '../lib/task-board';
import { formatTable, type TableColumn } from './format-table';
import { formatDuration, toOneLine } from './format-values';
import { colorStatus, type Palette } from './palette';
import { rowStatus, rowStatusText } from './row-fields';

const COLUMNS: TableColumn[] = [
  { header: '' },
  { header: 'provider' },
  { header: 'reference', cut: 'middle', minWidth: 22, shrinkOrder: 0 },
  { header: 'status' },
  { header: 'steps', align: 'right' },
  { header: 'elapsed', align: 'right' },
  { header: 'notes', cut: 'end', minWidth: 24 },
];

const SPINNER = cliSpinners.dots;

/**
 * A live view for a terminal: one row per task (spinner, provider, reference, status, steps, elapsed,
 * notes), redrawn in place by log-update every spinner frame. `stop` draws the last frame and leaves it.
 */
export function startLiveView(
  board: TaskBoard,
  stream: NodeJS.WriteStream,
  palette: Palette,
): { stop: () => void } {
  const update = createLogUpdate(stream, { showCursor: false });
  let frame = 0;
  const render = () =>
    update(formatLiveView(board, palette, frame++, Math.max(40, (stream.columns || 80) - 1)));
  render();
  const timer = setInterval(render, SPINNER.interval);
  return {
    stop() {
      clearInterval(timer);
      render();
      update.done();
    },
  };
}

export function formatLiveView(board: TaskBoard, palette: Palette, frame: number, width: number): string {
  const rows = board.rows;
  const count = (test: (row: TaskRow) => boolean) => rows.filter(test).length;
  const interrupted = count((row) => row.interrupted);
  const counts = [
    `${count((row) => !row.done)} running`,
    `${count((row) => row.done && !row.interrupted)} settled`,
    interrupted > 0 ? `${interrupted} interrupted` : '',
    formatDuration(board.elapsedMs()),
  ];
  const title =
    `${palette.bold('Watching')} ${rows.length} ${rows.length === 1 ? 'task' : 'tasks'}` +
    palette.dim(` · ${counts.filter(Boolean).join(' · ')}`);
  const cells = rows.map((row) => [
    icon(row, palette, frame),
    row.provider,
    row.ref,
    colorStatus(palette, rowStatus(row), rowStatusText(row)),
    row.task ? String(row.task.steps.length) : '–',
    formatDuration(board.elapsedMs(row.done ? row : undefined)),
    notes(row, palette),
  ]);
  return [title, ...formatTable(COLUMNS, cells, { width, header: (text) => palette.dim(text) })].join('\n');
}

function icon(row: TaskRow, palette: Palette, frame: number): string {
  if (row.interrupted) return palette.yellow('■');
  if (!row.done) return palette.cyan(SPINNER.frames[frame % SPINNER.frames.length] ?? '-');
  switch (rowStatus(row)) {
    case 'succeeded':
      return palette.green('✔');
    case 'failed':
    case 'error':
      return palette.red('✖');
    case 'paused':
      return palette.cyan('‖');
    default:
      return palette.yellow('■');
  }
}

/** Retryable answers met first (short: `HTTP 429, Retry-After: 1`), then the demo's label. */
function notes(row: TaskRow, palette: Palette): string {
  if (row.error !== undefined) return palette.red(describeError(row.error));
  const incidents = row.incidents.map((text) =>
    palette.yellow(toOneLine(text.replace(/^(HTTP \d{3})[^,]*/, '$1'))),
  );
  const parts = [...incidents, row.label ? palette.dim(row.label) : '', row.interrupted ? 'interrupted' : ''];
  return parts.filter(Boolean).join(palette.dim(' · '));
}
