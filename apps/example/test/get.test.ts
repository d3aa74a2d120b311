import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnchor, formatAnchorRef } from '@x/anchor';
import { createBrowserUse, formatBrowserUseRef } from '@x/browser-use';
import { createBrowserAI, formatBrowserAIRef } from '@x/browserai';
import { createTaskClient, type Task } from '@x/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summaryTable } from './helpers/parse-output';
import { runCli } from './helpers/run-cli';
import { sleep, startTestSandboxes, type TestSandboxes } from './helpers/start-sandboxes';

let sandboxes: TestSandboxes;
let refs: {
  browserUse: string;
  anchorExecution: string;
  anchorRun: string;
  browserai: string;
  failed: string;
};

beforeAll(async () => {
  sandboxes = await startTestSandboxes();
  const { browserUse, anchor, browserai } = sandboxes;
  refs = {
    browserUse: formatBrowserUseRef(browserUse.createTask({ steps: 2, stepMs: 5 })),
    anchorExecution: formatAnchorRef(anchor.createTask({ steps: 2, stepMs: 5 })),
    anchorRun: formatAnchorRef(anchor.createTask({ api: 'v2', steps: 1, stepMs: 5 })),
    browserai: formatBrowserAIRef(browserai.createTask({ steps: 3, stepMs: 5 })),
    failed: formatBrowserUseRef(
      browserUse.createTask({ outcome: 'failed', steps: 1, stepMs: 5, error: 'Blocked' }),
    ),
  };
  await sleep(150); // every scripted task has reached its last stage
});

afterAll(() => sandboxes?.close());

/** What the test reads itself, through the same public API, to compare with the CLI's output. */
async function readDirectly(list: readonly string[]): Promise<Task[]> {
  const { browserUse, anchor, browserai } = sandboxes;
  const client = createTaskClient({
    providers: [
      createBrowserUse({ apiKey: browserUse.apiKey, baseURL: browserUse.baseURL }),
      createAnchor({ apiKey: anchor.apiKey, baseURL: anchor.baseURL }),
      createBrowserAI({ apiKey: browserai.apiKey, baseURL: browserai.baseURL }),
    ],
  });
  return Promise.all(list.map((ref) => client.get(ref)));
}

/** A task as JSON, without the response headers (their `date` differs between two reads). */
function comparable(task: unknown): unknown {
  const { response: _response, ...rest } = JSON.parse(JSON.stringify(task)) as Record<string, unknown>;
  return rest;
}

describe('get', () => {
  it('--json prints the normalized tasks, raw included, as the sandboxes serve them', async () => {
    const list = [refs.browserUse, refs.anchorExecution, refs.anchorRun, refs.browserai, refs.failed];
    const result = await runCli(['get', ...list, '--json'], { env: sandboxes.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(printed.map((task) => task.id)).toEqual(list);
    expect(printed.map((task) => task.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
      'failed',
    ]);
    expect(printed.map(comparable)).toEqual((await readDirectly(list)).map(comparable));
    expect(printed[0]?.raw).toMatchObject({ status: 'finished' }); // the vendor's own body
  });

  it('Ctrl-C while the reads are under way stops at once with exit 130', async () => {
    const ref = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 1, stepMs: 5 }));
    const { server } = sandboxes.browserUse;
    server.clearRequests();
    server.injectFault({ delayMs: 20_000 });
    let sent = false;
    const result = await runCli(['get', ref], {
      env: sandboxes.env(),
      timeoutMs: 15_000,
      onStdout: (text, child) => {
        if (text !== '') return; // the call at spawn
        const poll = setInterval(() => {
          if (sent || server.requests.length === 0) return;
          sent = true;
          clearInterval(poll);
          child.kill('SIGINT');
        }, 10);
        child.once('exit', () => clearInterval(poll));
      },
    });
    server.clearFaults();
    expect(sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('Interrupted.\n');
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('reads a reference given twice once, and fills its row', async () => {
    const ref = formatBrowserUseRef(sandboxes.browserUse.createTask({ steps: 1, stepMs: 5 }));
    const result = await runCli(['get', ref, ref], { env: sandboxes.env() });
    expect(result.code).toBe(0);
    expect(summaryTable(result.stdout)).toHaveLength(2); // the header and one row
  });

  it('prints the summary table, cut to 100 columns without a terminal', async () => {
    const result = await runCli(['get', refs.anchorExecution, refs.browserai, refs.failed], {
      env: sandboxes.env(),
    });
    expect(result.code).toBe(0);
    const table = summaryTable(result.stdout);
    expect(table).toHaveLength(4);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    expect(table[1]).toMatch(/^anchor\s+anchor\S*…\S+\s+succeeded\s/); // long references are cut in the middle
    expect(table[2]).toMatch(/^browserai\s+browser\S*…\S+\s+succeeded\s/);
    expect(table[3]).toMatch(/^browser-use\s+browser-\S*…\S+\s+failed\s.*error: Blocked$/);
  });

  it('reads keys and base URLs from a .env file in the current directory', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'example-env-'));
    const lines = Object.entries(sandboxes.env()).map(([name, value]) => `${name}=${value}`);
    writeFileSync(join(directory, '.env'), `# sandbox keys\n${lines.join('\n')}\n`);
    const result = await runCli(['get', refs.browserai, '--json'], { cwd: directory });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([{ id: refs.browserai, status: 'succeeded' }]);
  });

  it('skips a .env that is a directory (a Python virtualenv): keys come from the environment', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'example-venv-'));
    mkdirSync(join(directory, '.env', 'bin'), { recursive: true });
    writeFileSync(join(directory, '.env', 'pyvenv.cfg'), 'home = /usr/bin\n');
    const result = await runCli(['get', refs.browserai, '--json'], { cwd: directory, env: sandboxes.env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([{ id: refs.browserai, status: 'succeeded' }]);
  });

  it('shows control characters of a vendor status word and error message as visible escapes', async () => {
    const esc = '\u001b';
    const odd = formatBrowserUseRef(
      sandboxes.browserUse.createTask({ stages: [{ state: { status: `run${esc}[2Jning` } }] }),
    );
    const failed = formatBrowserUseRef(
      sandboxes.browserUse.createTask({ outcome: 'failed', steps: 1, stepMs: 5, error: `Bad${esc}[8m` }),
    );
    const missing = formatBrowserUseRef('5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716');
    sandboxes.browserUse.injectFault({
      match: { path: '/api/v2/tasks/5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716' },
      status: 404,
      body: { detail: `Task ${esc}[31mnot found\u009b0m` },
    });
    await sleep(20); // the failed task has reached its end
    const result = await runCli(['get', odd, failed, missing], { env: sandboxes.env() });
    expect(result.code).toBe(1);
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    expect(result.stdout).not.toMatch(controls);
    expect(result.stderr).not.toMatch(controls);
    expect(result.stdout).toMatch(/^browser-use\s.*\sunknown \(run\\u001b\[2Jning\)\s/m);
    expect(result.stdout).toMatch(/^browser-use\s.*\sfailed\s.*error: Bad\\u001b\[8m$/m);
    expect(result.stderr).toBe(`error: ${missing}: browser-use 404: Task \\u001b[31mnot found\\u009b0m\n`);
  });

  it('a missing key names the environment variable (exit 1)', async () => {
    const { BROWSERAI_API_KEY: _key, ...env } = sandboxes.env();
    const result = await runCli(['get', refs.browserai], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: ${refs.browserai}: missing API key for browserai: set BROWSERAI_API_KEY`,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a vendor error prints its one-line message and the request id (exit 1)', async () => {
    const missing = formatBrowserUseRef('0b7c1a4e-5d2f-4c3b-9a8e-7f6d5c4b3a21');
    sandboxes.browserUse.injectFault({
      match: { path: '/api/v2/tasks/0b7c1a4e-5d2f-4c3b-9a8e-7f6d5c4b3a21' },
      status: 404,
      headers: { 'x-request-id': 'req_4f2a9c' },
      body: { detail: 'Task not found' },
    });
    const result = await runCli(['get', missing, refs.browserai], { env: sandboxes.env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: ${missing}: browser-use 404: Task not found (request id: req_4f2a9c)\n`,
    );
    expect(summaryTable(result.stdout)).toHaveLength(3); // the other task is still printed
  });

  it('a wrong key is the vendor 401, in one line (exit 1)', async () => {
    const env = { ...sandboxes.env(), ANCHORBROWSER_API_KEY: 'sk-wrong' };
    const result = await runCli(['get', refs.anchorRun], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: anchor:run\/\S+: anchor 401: Invalid API key\n$/);
    expect(result.stderr).not.toContain('sk-wrong');
  });
});
