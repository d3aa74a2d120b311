import type { CliContext } from '../lib/cli-context';
import { outputWidth } from '../lib/cli-context';
import { createVendorClient } from '../lib/create-vendor-client';
import type { ExitCode } from '../lib/exit-codes';
import { createIncidentReporter } from '../lib/incident-reporter';
import { resolveRefs } from '../lib/resolve-refs';
import { createTaskBoard, type TaskBoard } from '../lib/task-board';
import { watchBoard } from '../lib/watch-board';
import { createPalette } from '../render/palette';
import { showWatch } from '../render/show-watch';
import { formatSummaryTable } from '../render/summary-table';
import { createDemoTasks, type DemoTask } from './demo-tasks';
import { reportDemo } from './report-demo';
import { startSandboxes } from './start-sandboxes';

/**
 * The demo (no key, no network): starts the Browser Use, Anchor and BrowserAI sandboxes on 127.0.0.1,
 * scripts nine tasks with different fates, watches them all at once through `createTaskClient`, and
 * ends with the summary table. Exit code 0 when every task reached its scripted status.
 */
export async function runDemo(context: CliContext): Promise<ExitCode> {
  const { stdout } = context;
  const palette = createPalette(stdout);
  const sandboxes = await startSandboxes();
  try {
    const reporter = createIncidentReporter(undefined, {
      secrets: [sandboxes.browserUse.apiKey, sandboxes.anchor.apiKey, sandboxes.browserai.apiKey],
    });
    const client = createVendorClient({
      browserUse: { apiKey: sandboxes.browserUse.apiKey, baseURL: sandboxes.browserUse.baseURL },
      anchor: { apiKey: sandboxes.anchor.apiKey, baseURL: sandboxes.anchor.baseURL },
      browserai: { apiKey: sandboxes.browserai.apiKey, baseURL: sandboxes.browserai.baseURL },
      fetch: reporter.fetch,
      concurrency: 16,
    });
    const tasks = createDemoTasks(sandboxes);
    const refs = resolveRefs(
      client,
      tasks.map((task) => task.ref),
    );
    const board = createTaskBoard(refs.map((ref, index) => ({ ...ref, label: tasks[index]?.label })));
    reporter.attach(refs, board);
    injectFaultsWhenRunning(board, tasks);

    stdout.write(
      `${palette.bold('Demo:')} ${tasks.length} tasks on local Browser Use, Anchor and BrowserAI sandboxes ` +
        '(no key, no network)\n',
    );
    if (!stdout.isTTY) {
      for (const task of tasks) stdout.write(`  ${task.ref}  ${task.label}\n`);
    }
    await showWatch(board, stdout, palette, () =>
      watchBoard(client, board, {
        intervalMs: 200,
        maxIntervalMs: 400,
        timeoutMs: 20_000,
        signal: context.signal,
      }),
    );
    stdout.write(`\n${formatSummaryTable(board.rows, { width: outputWidth(stdout), palette })}\n\n`);
    return reportDemo(board, tasks, context, palette);
  } finally {
    await sandboxes.close();
  }
}

/** Injects each task's fault the first time the task is seen running, so it meets it on the way. */
function injectFaultsWhenRunning(board: TaskBoard, tasks: readonly DemoTask[]): void {
  const pending = new Map(tasks.filter((task) => task.injectFault).map((task) => [task.ref, task]));
  const unsubscribe = board.subscribe((event) => {
    const task = pending.get(event.row.ref);
    if (event.kind !== 'task' || !task || event.row.task?.status !== 'running') return;
    pending.delete(task.ref);
    task.injectFault?.();
    if (pending.size === 0) unsubscribe();
  });
}
