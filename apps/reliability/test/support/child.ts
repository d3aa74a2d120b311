import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The built entry points the child scripts load; a missing one means `pnpm build` has not run. */
export function missingBuilds(): string[] {
  const entries = ['core', 'browser-use', 'anchor', 'browserai'].flatMap((name) => [
    `packages/${name}/dist/index.js`,
    ...(name === 'core' ? [] : [`packages/${name}/dist/testing/index.js`]),
  ]);
  return entries.filter(
    (entry) => !existsSync(fileURLToPath(new URL(`../../../../${entry}`, import.meta.url))),
  );
}

/** How a child process ended, and when, relative to the line that carries its result. */
export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The parsed JSON after `marker`, when the child printed it. */
  result?: unknown;
  /** From the result line to the process's exit, in ms. */
  exitAfterResultMs?: number;
  /** True when the test had to kill it (it did not exit by itself in time). */
  killed: boolean;
  stderr: string;
  stdout: string;
}

/**
 * Runs `node <args>` in the app's directory, reads the line starting with `marker` as JSON, and waits
 * for the process to exit by itself: it is killed (and `killed` set) when it has not exited
 * `exitWithinMs` after printing its result, or after `totalMs` in all.
 */
export function runChild(
  args: string[],
  options: { marker: string; exitWithinMs: number; totalMs: number },
): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: APP_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let result: unknown;
    let resultAt: number | undefined;
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const total = setTimeout(kill, options.totalMs);
    let afterResult: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (resultAt !== undefined) return;
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(options.marker));
      if (line !== undefined && stdout.includes('\n', stdout.indexOf(line))) {
        resultAt = performance.now();
        result = JSON.parse(line.slice(options.marker.length).trim());
        afterResult = setTimeout(kill, options.exitWithinMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      const exitedAt = performance.now();
      clearTimeout(total);
      clearTimeout(afterResult);
      resolve({
        code,
        signal,
        result,
        exitAfterResultMs: resultAt === undefined ? undefined : Math.round(exitedAt - resultAt),
        killed,
        stderr,
        stdout,
      });
    });
  });
}
