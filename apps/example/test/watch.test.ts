import { formatAnchorRef } from '@x/anchor';
import { formatBrowserUseRef } from '@x/browser-use';
import { formatBrowserAIRef } from '@x/browserai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastStatuses, parseChangeLines, summaryTable } from './helpers/parse-output';
import { runCli } from './helpers/run-cli';
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

  it('Ctrl-C (SIGINT) stops the watch at once and prints what was seen so far (exit 130)', async () => {
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
          child.kill('SIGINT');
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
  });
});
