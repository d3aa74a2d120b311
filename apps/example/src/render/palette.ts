import type { TaskStatus } from '@x/core';
import picocolors from 'picocolors';

/** The colour functions the renderers use; all identity functions when colour is off. */
export type Palette = ReturnType<typeof picocolors.createColors>;

/**
 * Colours for `stream`: on for a terminal that supports them (`NO_COLOR`, `FORCE_COLOR` and `TERM`
 * respected, through Node's `hasColors`), off for pipes and files unless `FORCE_COLOR` is 1, 2 or 3.
 */
export function createPalette(stream: NodeJS.WriteStream): Palette {
  return picocolors.createColors(wantsColor(stream));
}

function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (stream.isTTY && typeof stream.hasColors === 'function') return stream.hasColors();
  const force = process.env.FORCE_COLOR;
  return force === '1' || force === '2' || force === '3' || force === 'true';
}

/** A status word in its colour: green for success, red for failure, yellow for stopped runs. */
export function colorStatus(
  palette: Palette,
  status: TaskStatus | 'error' | 'interrupted' | 'waiting',
  text: string = status,
): string {
  switch (status) {
    case 'succeeded':
      return palette.green(text);
    case 'failed':
    case 'error':
      return palette.red(text);
    case 'cancelled':
    case 'timed_out':
    case 'interrupted':
      return palette.yellow(text);
    case 'paused':
      return palette.cyan(text);
    case 'running':
      return palette.blue(text);
    case 'queued':
    case 'waiting':
      return palette.dim(text);
    default:
      return palette.magenta(text);
  }
}
