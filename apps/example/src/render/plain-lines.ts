import { describeError } from '../lib/describe-error';
import type { BoardEvent, TaskBoard, TaskRow } from '../lib/task-board';
import { formatDuration, formatSteps, toOneLine } from './format-values';
import { colorStatus, type Palette } from './palette';

/**
 * Prints one plain line per change of the board, for pipes and CI logs (no cursor movement):
 * `+1.2s  browser-use:<id>  running (started)  2 steps`. Returns a function that stops printing.
 */
export function printPlainLines(
  board: TaskBoard,
  stream: NodeJS.WritableStream,
  palette: Palette,
): () => void {
  return board.subscribe((event) => {
    stream.write(`${formatPlainLine(board, event, palette)}\n`);
  });
}

export function formatPlainLine(board: TaskBoard, event: BoardEvent, palette: Palette): string {
  const { row } = event;
  const time = palette.dim(`+${formatDuration(board.elapsedMs(row.done ? row : undefined))}`.padStart(7));
  return `${time}  ${row.ref}  ${describeEvent(event, row, palette)}`;
}

function describeEvent(event: BoardEvent, row: TaskRow, palette: Palette): string {
  switch (event.kind) {
    case 'task': {
      const task = row.task;
      if (!task) return 'no task read';
      const vendor = task.providerStatus ? ` (${toOneLine(task.providerStatus)})` : '';
      return `${colorStatus(palette, task.status)}${vendor}  ${formatSteps(task.steps.length)}`;
    }
    case 'error':
      return `${colorStatus(palette, 'error')}: ${describeError(row.error)}`;
    case 'incident':
      return palette.yellow(`${toOneLine(event.text)} (the SDK retries)`);
    case 'interrupted':
      return colorStatus(palette, 'interrupted', 'interrupted');
  }
}
