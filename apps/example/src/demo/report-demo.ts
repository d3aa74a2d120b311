import type { CliContext } from '../lib/cli-context';
import { ExitCode } from '../lib/exit-codes';
import type { TaskBoard } from '../lib/task-board';
import type { Palette } from '../render/palette';
import { rowStatus } from '../render/row-fields';
import type { DemoTask } from './demo-tasks';

/**
 * The demo's last word: 130 when it was interrupted; 1, naming each task, when a task ended on another
 * status than its script's; else 0 with the count of retried answers. `board.rows` and `tasks` are in the
 * same order.
 */
export function reportDemo(
  board: TaskBoard,
  tasks: readonly DemoTask[],
  context: CliContext,
  palette: Palette,
): ExitCode {
  const { stdout, stderr } = context;
  if (board.interrupted) {
    stderr.write('Interrupted: the demo stopped before every task settled.\n');
    return ExitCode.interrupted;
  }
  const missed = board.rows.filter((row, index) => rowStatus(row) !== tasks[index]?.expected);
  if (missed.length > 0) {
    for (const row of missed) {
      const expected = tasks.find((task) => task.ref === row.ref)?.expected;
      stderr.write(`error: ${row.ref} ended ${rowStatus(row)}, its script ends ${expected}\n`);
    }
    return ExitCode.failure;
  }
  const incidents = board.rows.reduce((sum, row) => sum + row.incidents.length, 0);
  stdout.write(
    `${palette.green('✔')} All ${tasks.length} tasks reached their scripted status; ` +
      `${incidents} retryable ${incidents === 1 ? 'answer was' : 'answers were'} retried on the way.\n` +
      palette.dim('Next: pnpm start --help, or watch a real task: pnpm start watch browser-use:<task id>\n') +
      palette.dim('(keys in .env at the repository root, see apps/example/.env.example)\n'),
  );
  return ExitCode.ok;
}
