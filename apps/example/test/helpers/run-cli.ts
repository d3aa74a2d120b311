import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A directory with no .env, so a developer's own keys never reach a test. */
export const EMPTY_DIRECTORY = mkdtempSync(join(tmpdir(), 'example-cli-'));

const VENDOR_VARIABLES = /^(BROWSER_USE|ANCHORBROWSER|BROWSERAI)_/;

/**
 * The test runner's environment without vendor variables and without what steers colours (`CI`,
 * `FORCE_COLOR`, `NO_COLOR`), plus `extra`.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (VENDOR_VARIABLES.test(name) || ['CI', 'FORCE_COLOR', 'NO_COLOR', 'INIT_CWD'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Kill the process (and fail) past this. Default 30 s. */
  timeoutMs?: number;
  /** Called with the child as soon as it is spawned, and with each stdout chunk. */
  onStdout?: (text: string, child: ChildProcess) => void;
}

/** Runs `node dist/cli.js …args` without a terminal (stdout and stderr are pipes). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, ...args], options);
}

/** Runs any command with the CLI's test environment, collecting its output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? EMPTY_DIRECTORY,
    env: cleanEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  options.onStdout?.('', child);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(chunk, child);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}
