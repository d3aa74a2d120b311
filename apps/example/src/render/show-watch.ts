import type { TaskBoard } from '../lib/task-board';
import { startLiveView } from './live-view';
import type { Palette } from './palette';
import { printPlainLines } from './plain-lines';

/**
 * Shows a watch while `run` goes: the live view when `stream` is a terminal, else one plain line per
 * change. Leaves the last frame on screen.
 */
export async function showWatch(
  board: TaskBoard,
  stream: NodeJS.WriteStream,
  palette: Palette,
  run: () => Promise<void>,
): Promise<void> {
  const view = stream.isTTY
    ? startLiveView(board, stream, palette)
    : { stop: printPlainLines(board, stream, palette) };
  try {
    await run();
  } finally {
    view.stop();
  }
}
