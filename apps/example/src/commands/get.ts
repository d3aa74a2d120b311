import type { Task } from '@x/core';
import { type CliContext, outputWidth } from '../lib/cli-context';
import { createVendorClient } from '../lib/create-vendor-client';
import { describeError } from '../lib/describe-error';
import { ExitCode } from '../lib/exit-codes';
import { resolveRefs } from '../lib/resolve-refs';
import { createTaskBoard } from '../lib/task-board';
import { formatTasksJson } from '../lib/task-json';
import { createPalette } from '../render/palette';
import { formatSummaryTable } from '../render/summary-table';

export interface GetOptions {
  /** Print the normalized tasks (with `raw`) as JSON instead of the table. */
  json?: boolean;
}

/**
 * `example get <ref>…`: reads each task once (all at once, across vendors) and prints the table or the
 * JSON. Every reference is checked before any request. A task that could not be read is reported on
 * stderr with the vendor's message and request id, and the exit code is 1.
 */
export async function runGet(
  refTexts: readonly string[],
  options: GetOptions,
  context: CliContext,
): Promise<ExitCode> {
  const client = createVendorClient();
  const refs = resolveRefs(client, refTexts);
  const outcomes = await client.getMany(
    refs.map((ref) => ref.text),
    { signal: context.signal },
  );
  if (context.signal.aborted) {
    context.stderr.write('Interrupted.\n');
    return ExitCode.interrupted;
  }
  const board = createTaskBoard(refs);
  for (const outcome of outcomes) board.apply({ ...outcome, done: true });

  if (options.json) {
    const tasks = outcomes.map((outcome) => outcome.task).filter((task): task is Task => task !== undefined);
    context.stdout.write(`${formatTasksJson(tasks)}\n`);
  } else {
    const palette = createPalette(context.stdout);
    context.stdout.write(
      `${formatSummaryTable(board.rows, { width: outputWidth(context.stdout), palette })}\n`,
    );
  }
  const failures = outcomes.filter((outcome) => outcome.error !== undefined);
  for (const failure of failures)
    context.stderr.write(`error: ${failure.ref}: ${describeError(failure.error)}\n`);
  return failures.length > 0 ? ExitCode.failure : ExitCode.ok;
}
