import { createTask, type TaskStatus } from '@x/core';
import picocolors from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../lib/cli-context';
import { ExitCode } from '../lib/exit-codes';
import { createTaskBoard } from '../lib/task-board';
import type { DemoTask } from './demo-tasks';
import { reportDemo } from './report-demo';

const REFS = ['alpha:1', 'alpha:2'];

/** A board whose tasks ended on `statuses`, the demo's tasks scripted to end on `expected`, and the output. */
function run(statuses: TaskStatus[], expected: TaskStatus[], interrupted = false) {
  const board = createTaskBoard(REFS.map((text) => ({ text, provider: 'alpha' })));
  REFS.forEach((ref, index) => {
    const status = statuses[index]!;
    const task = createTask({ provider: 'alpha', id: ref, status, providerStatus: status, raw: {} });
    board.apply({ ref, task, done: true });
  });
  if (interrupted) board.interrupt();
  const out = { stdout: '', stderr: '' };
  const stream = (key: 'stdout' | 'stderr') =>
    ({
      write: (text: string) => {
        out[key] += text;
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const context: CliContext = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    signal: new AbortController().signal,
  };
  const tasks: DemoTask[] = REFS.map((ref, index) => ({ ref, label: ref, expected: expected[index]! }));
  const code = reportDemo(board, tasks, context, picocolors.createColors(false));
  return { code, ...out };
}

describe('reportDemo', () => {
  it('every task on its scripted status: exit 0 and the all-clear', () => {
    const result = run(['succeeded', 'failed'], ['succeeded', 'failed']);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain('All 2 tasks reached their scripted status; 0 retryable answers were');
    expect(result.stderr).toBe('');
  });

  it('a task that ended elsewhere: exit 1, naming it and both statuses', () => {
    const result = run(['succeeded', 'cancelled'], ['succeeded', 'failed']);
    expect(result.code).toBe(ExitCode.failure);
    expect(result.stderr).toBe('error: alpha:2 ended cancelled, its script ends failed\n');
    expect(result.stdout).toBe('');
  });

  it('interrupted: exit 130', () => {
    const result = run(['succeeded', 'failed'], ['succeeded', 'failed'], true);
    expect(result.code).toBe(ExitCode.interrupted);
    expect(result.stderr).toBe('Interrupted: the demo stopped before every task settled.\n');
  });
});
