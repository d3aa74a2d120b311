import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli';

const UUID = '3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';

describe('usage errors (exit 2, nothing sent)', () => {
  it.each([
    {
      args: ['get', `openai:${UUID}`],
      message: `"openai:${UUID}" has an unknown provider "openai": expected one of browser-use, anchor, browserai, as in browser-use:<task uuid>, anchor:<taskId>/<executionId>, anchor:run/<runId> or browserai:<sessionId>`,
    },
    {
      args: ['watch', UUID],
      message: `"${UUID}" has no provider prefix: expected one of browser-use, anchor, browserai`,
    },
    { args: ['get', 'browser-use:12345'], message: 'ref must look like "browser-use:<task uuid>"' },
    {
      args: ['get', `anchor:${UUID}`],
      message: 'ref must look like "anchor:<taskId>/<executionId>" or "anchor:run/<runId>"',
    },
    { args: ['get', 'anchor:abc/def'], message: 'anchor:<taskId>/<executionId>' },
    { args: ['watch', 'browserai:a/b'], message: 'ref must look like "browserai:<sessionId>"' },
  ])('$args.1 → names what was expected', async ({ args, message }) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain('--help');
  });

  it('checks every reference before any request: a bad one among good ones still fails at once', async () => {
    // No key and no base URL: had a request been sent, the error would be a missing key (exit 1).
    const result = await runCli(['get', `browser-use:${UUID}`, 'nope:1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown provider "nope"');
    expect(result.stderr.trim().split('\n')).toHaveLength(2); // the message and the --help hint
  });

  it.each([
    { args: ['get'], message: "missing required argument 'refs'" },
    {
      args: ['watch', `browser-use:${UUID}`, '--interval', 'soon'],
      message: '--interval must be a duration like 500ms, 2s, 5m or 1h',
    },
    { args: ['get', `browser-use:${UUID}`, '--yaml'], message: "unknown option '--yaml'" },
    {
      args: ['fetch', `browser-use:${UUID}`],
      message: 'unknown command "fetch": expected demo, get or watch',
    },
    {
      args: [`browser-use:${UUID}`],
      message: `unknown command "browser-use:${UUID}": expected demo, get or watch (to read that task: get browser-use:`,
    },
    { args: ['demo', 'extra'], message: "too many arguments for 'demo'" },
  ])('$args → exit 2', async ({ args, message }) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('--help', () => {
  it('explains the commands, the reference forms, the environment and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const text of [
      'get [options] <refs...>',
      'watch [options] <refs...>',
      'demo',
      'browser-use:<task uuid>',
      'anchor:<taskId>/<executionId>',
      'anchor:run/<runId>',
      'browserai:<sessionId>',
      'BROWSER_USE_API_KEY, BROWSER_USE_BASE_URL',
      'ANCHORBROWSER_API_KEY, ANCHORBROWSER_BASE_URL',
      'BROWSERAI_API_KEY, BROWSERAI_BASE_URL',
      '130 Ctrl-C',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it('works beside a .env that is a directory (a Python virtualenv named .env)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'example-venv-'));
    mkdirSync(join(directory, '.env', 'bin'), { recursive: true });
    const result = await runCli(['--help'], { cwd: directory });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BROWSER_USE_API_KEY, BROWSER_USE_BASE_URL');
  });

  it('each command has its own help', async () => {
    const result = await runCli(['watch', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--interval <duration>');
    expect(result.stdout).toContain('--json');
  });

  it('--interval below 50 ms is a usage error', async () => {
    const result = await runCli(['watch', `browser-use:${UUID}`, '--interval', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at least 50 ms');
  });

  it('drops a leading -- (pnpm start -- watch --help), so the flags after it are read as flags', async () => {
    const result = await runCli(['--', 'watch', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--interval <duration>');
  });

  it.skipIf(process.platform !== 'linux')(
    'an unexpected error (an unreadable .env) prints one error line and exits 1',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'example-bad-env-'));
      symlinkSync('/proc/self/mem', join(dir, '.env')); // a file whose read fails
      const result = await runCli(['get', `browser-use:${UUID}`], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: /);
    },
  );
});
