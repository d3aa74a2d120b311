import type { Task } from '@x/core';
import { type CliContext, outputWidth } from '../lib/cli-context';
import { createVendorClient } from '../lib/create-vendor-client';
import { describeError } from '../lib/describe-error';
import { ExitCode } from '../lib/exit-codes';
import { createIncidentReporter } from '../lib/incident-reporter';
import { resolveRefs } from '../lib/resolve-refs';
import { createTaskBoard } from '../lib/task-board';
import { formatTasksJson } from '../lib/task-json';
import { watchBoard } from '../lib/watch-board';
import { createPalette } from '../render/palette';
import { printPlainLines } from '../render/plain-lines';
import { showWatch } from '../render/show-watch';
import { formatSummaryTable } from '../render/summary-table';

export interface WatchOptions {
  /** Print the last read of every task as JSON at the end (progress lines go to stderr). */
  json?: boolean | undefined;
  /** First pause between two reads of a task, in ms. */
  intervalMs: number;
  /** Give up on a task after this long, in ms. */
  timeoutMs: number;
}

/**
 * `example watch <ref>…`: follows every task at once until each one settles (terminal or paused), with
 * the live view in a terminal or one line per change otherwise, then prints the summary table (or the
 * JSON). Ctrl-C stops the polling and prints what was seen so far.
 */
export async function runWatch(
  refTexts: readonly string[],
  options: WatchOptions,
  context: CliContext,
): Promise<ExitCode> {
  const reporter = createIncidentReporter();
  const client = createVendorClient({ fetch: reporter.fetch });
  const refs = resolveRefs(client, refTexts);
  const board = createTaskBoard(refs);
  reporter.attach(refs, board);
  const watch = () =>
    watchBoard(client, board, {
      intervalMs: options.intervalMs,
      maxIntervalMs: Math.max(options.intervalMs, 30_000),
      timeoutMs: options.timeoutMs,
      signal: context.signal,
    });

  if (options.json) {
    const stop = printPlainLines(board, context.stderr, createPalette(context.stderr));
    await watch().finally(stop);
    const tasks = board.rows.map((row) => row.task).filter((task): task is Task => task !== undefined);
    context.stdout.write(`${formatTasksJson(tasks)}\n`);
  } else {
    const palette = createPalette(context.stdout);
    await showWatch(board, context.stdout, palette, watch);
    context.stdout.write(
      `\n${formatSummaryTable(board.rows, { width: outputWidth(context.stdout), palette })}\n`,
    );
  }
  for (const row of board.rows) {
    if (row.error !== undefined) context.stderr.write(`error: ${row.ref}: ${describeError(row.error)}\n`);
  }
  if (board.interrupted) {
    const open = board.rows.filter((row) => row.interrupted).length;
    context.stderr.write(
      `Interrupted: stopped watching ${open} unsettled ${open === 1 ? 'task' : 'tasks'}.\n`,
    );
    return ExitCode.interrupted;
  }
  return board.rows.some((row) => row.error !== undefined) ? ExitCode.failure : ExitCode.ok;
}
