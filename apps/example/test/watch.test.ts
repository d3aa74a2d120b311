import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatAnchorRef } from '@x/anchor';
import { formatBrowserUseRef } from '@x/browser-use';
import { formatBrowserAIRef } from '@x/browserai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastStatuses, parseChangeLines, summaryTable } from './helpers/parse-output';
import { CLI, cleanEnv, EMPTY_DIRECTORY, runCli } from './helpers/run-cli';
import { startTestSandboxes, type TestSandboxes } from './helpers/start-sandboxes';

let sandboxes: TestSandboxes;

beforeAll(async () => {
  sandboxes = await startTestSandboxes();
});

afterAll(() => sandboxes?.close());

describe('watch', () => {
  it('follows tasks on the three vendors until each settles, one line per change, then the table', async () => {
    const { browserUse, anchor, browserai } = sandboxes;
    const expected = new Map([
      [formatBrowserUseRef(browserUse.createTask({ steps: 3, stepMs: 150 })), 'succeeded'],
      [
        formatAnchorRef(anchor.createTask({ api: 'v2', outcome: 'timed_out', steps: 2, stepMs: 150 })),
        'timed_out',
      ],
      [formatAnchorRef(anchor.createTask({ outcome: 'cancelled', steps: 1, stepMs: 150 })), 'cancelled'],
      [formatBrowserAIRef(browserai.createTask({ outcome: 'paused', steps: 2, stepMs: 150 })), 'paused'],
    ]);
    const result = await runCli(['watch', ...expected.keys(), '--interval', '100ms'], {
      env: sandboxes.env(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const changes = parseChangeLines(result.stdout);
    expect(Object.fromEntries(lastStatuses(changes))).toEqual(Object.fromEntries(expected));
    const table = summaryTable(result.stdout);
    expect(table).toHaveLength(1 + expected.size);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('--json prints the last read of each task; progress goes to stderr', async () => {
    const ref = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 2, stepMs: 100 }));
    const result = await runCli(['watch', ref, '--json', '--interval', '100ms'], { env: sandboxes.env() });
    expect(result.code).toBe(0);
    const tasks = JSON.parse(result.stdout) as Array<{
      id: string;
      status: string;
      steps: unknown[];
      raw: unknown;
    }>;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      id: ref,
      status: 'succeeded',
      raw: { id: ref.slice('browser-use:'.length) },
    });
    expect(tasks[0]?.steps).toHaveLength(2);
    expect(lastStatuses(parseChangeLines(result.stderr)).get(ref)).toBe('succeeded');
  });

  it('a task that cannot be read ends with its error while the others settle (exit 1)', async () => {
    const good = formatBrowserAIRef(sandboxes.browserai.createTask({ steps: 1, stepMs: 100 }));
    const unknown = formatBrowserAIRef('no-such-session');
    const result = await runCli(['watch', good, unknown, '--interval', '100ms'], { env: sandboxes.env() });
    expect(result.code).toBe(1);
    expect(lastStatuses(parseChangeLines(result.stdout)).get(good)).toBe('succeeded');
    expect(result.stdout).toContain(`${unknown}  error: browserai 404: Task not found`);
    expect(result.stderr).toBe(`error: ${unknown}: browserai 404: Task not found\n`);
  });

  it('meets a 429 with Retry-After on the way and still settles, showing the incident', async () => {
    const ref = sandboxes.anchor.createTask({ api: 'v2', steps: 1, stepMs: 100 });
    sandboxes.anchor.injectFault({
      match: { path: `/v2/tasks/runs/${ref.runId}/status` },
      status: 429,
      headers: { 'retry-after': '0' },
      body: { error: { code: 429, message: 'Rate limit exceeded' } },
    });
    const result = await runCli(['watch', formatAnchorRef(ref), '--interval', '100ms'], {
      env: sandboxes.env(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/anchor:run\/\S+ {2}HTTP 429 Too Many Requests, Retry-After: 0/);
    expect(lastStatuses(parseChangeLines(result.stdout)).get(formatAnchorRef(ref))).toBe('succeeded');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s (Ctrl-C, or kill and docker stop) stops the watch at once and prints what was seen so far (exit 130)',
    async (signal) => {
      const ref = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 100, stepMs: 1_000 }));
      let interruptedAt = 0;
      let stdoutSoFar = '';
      const result = await runCli(['watch', ref, '--interval', '100ms'], {
        env: sandboxes.env(),
        timeoutMs: 15_000,
        onStdout: (text, child) => {
          stdoutSoFar += text;
          if (interruptedAt === 0 && /\+\S+ {2}\S+ {2}running/.test(stdoutSoFar)) {
            interruptedAt = Date.now();
            child.kill(signal);
          }
        },
      });
      expect(interruptedAt).toBeGreaterThan(0);
      expect(result.code).toBe(130);
      expect(Date.now() - interruptedAt).toBeLessThan(3_000);
      expect(result.stderr).toBe('Interrupted: stopped watching 1 unsettled task.\n');
      expect(result.stdout).toMatch(new RegExp(`${ref} {2}interrupted`));
      const table = summaryTable(result.stdout);
      expect(table).toHaveLength(2);
      expect(table[1]).toMatch(/^browser-use\s+browser-use:\S+\s+running\s.*watch interrupted/);
    },
  );

  it('--interval and --timeout are honoured; a bare number of --timeout means seconds', async () => {
    const slow = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 100, stepMs: 1_000 }));
    const timedOut = await runCli(['watch', slow, '--interval', '100ms', '--timeout', '500ms'], {
      env: sandboxes.env(),
      timeoutMs: 10_000,
    });
    expect(timedOut.code).toBe(1);
    expect(timedOut.durationMs).toBeLessThan(5_000);
    const quick = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 3, stepMs: 100 }));
    const fast = await runCli(['watch', quick, '--interval', '50ms', '--timeout', '5'], {
      env: sandboxes.env(),
    });
    expect(fast.stderr).toBe('');
    expect(fast.code).toBe(0);
    expect(fast.durationMs).toBeLessThan(1_800); // the default interval (2 s) would take longer
  });

  it('never prints an API key a server echoes in its status line or its Retry-After header', async () => {
    const key = 'sk-echoed-5f0c2a9e7b1d';
    let served = 0;
    // A 503 whose status line holds the key, a 429 whose Retry-After is the key, then a 404 that ends it.
    const server = createServer((_request, response) => {
      served++;
      if (served === 1) {
        response.writeHead(503, `Unavailable ${key}`, { 'retry-after': '0' }).end('{"detail":"down"}');
      } else if (served === 2) {
        response
          .writeHead(429, 'Too Many Requests', { 'retry-after': `0 ${key}`, 'retry-after-ms': '0' })
          .end('{"detail":"slow down"}');
      } else {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Task not found"}');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const ref = 'browser-use:3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
      const env = { BROWSER_USE_API_KEY: key, BROWSER_USE_BASE_URL: `http://127.0.0.1:${port}/api/v2` };
      for (const args of [['--interval', '100ms'], ['--json']]) {
        served = 0;
        const result = await runCli(['watch', ref, ...args], { env });
        expect(result.code).toBe(1);
        const printed = result.stdout + result.stderr;
        expect(printed).not.toContain(key);
        expect(printed).toContain(
          `${ref}  HTTP 503 Unavailable [REDACTED], Retry-After: 0 (the SDK retries)`,
        );
        expect(printed).toContain(`${ref}  HTTP 429 Too Many Requests, Retry-After: 0 [REDACTED]`);
        expect(result.stderr).toContain(`error: ${ref}: browser-use 404: Task not found`);
      }
    } finally {
      server.close();
    }
  });

  it('shows control characters in vendor text as visible escapes; --json keeps them as sent', async () => {
    const esc = '\u001b';
    const ref = formatBrowserUseRef(
      sandboxes.browserUse.createTask({
        advanceOn: 'read', // the first read sees the odd status word, the next one the end
        stages: [
          { state: { status: `started${esc}]0;owned\u0007` } },
          { state: { status: 'finished', isSuccess: true, output: `${esc}[2J${esc}[Hdone\u009b31m` } },
        ],
      }),
    );
    const result = await runCli(['watch', ref, '--interval', '100ms'], { env: sandboxes.env() });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain(`${ref}  unknown (started\\u001b]0;owned\\u0007)`);
    expect(summaryTable(result.stdout)[1]).toMatch(/succeeded .*\\u001b\[2J\\u001b\[Hdone\\u009b31m$/);

    const json = await runCli(['watch', ref, '--json', '--interval', '100ms'], { env: sandboxes.env() });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([{ output: `${esc}[2J${esc}[Hdone\u009b31m` }]);
    expect(json.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('--json with stderr closed by its reader (`2>&1 >/dev/null | head -1`) exits 0, no uncaught EPIPE', async () => {
    const ref = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 100, stepMs: 100 }));
    const child = spawn(
      process.execPath,
      [CLI, 'watch', ref, '--json', '--interval', '100ms', '--timeout', '8s'],
      {
        cwd: EMPTY_DIRECTORY,
        env: cleanEnv(sandboxes.env()),
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    // Like `head -1`: read the first progress line, then close the pipe while the task still runs.
    const [first] = (await once(child.stderr, 'data')) as [Buffer];
    expect(first.toString()).toContain(ref);
    child.stderr.destroy();
    const started = Date.now();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000); // it stops, rather than watching on for 100 steps
  });
});
