import { describe, expect, it } from 'vitest';
import { lastStatuses, parseChangeLines, summaryTable } from './helpers/parse-output';
import { runCli } from './helpers/run-cli';

// The demo's nine scripted tasks: provider, how its label reads, and the status its script ends on.
const SCENARIO: Array<{ provider: string; label: RegExp; status: string; fault?: RegExp }> = [
  { provider: 'browser-use', label: /^succeeds after 4 steps$/, status: 'succeeded' },
  { provider: 'browser-use', label: /^fails/, status: 'failed' },
  { provider: 'browser-use', label: /503/, status: 'succeeded', fault: /^HTTP 503\b/ },
  { provider: 'anchor', label: /^succeeds/, status: 'succeeded' },
  { provider: 'anchor', label: /429/, status: 'succeeded', fault: /^HTTP 429\b.*Retry-After: 1\b/ },
  { provider: 'anchor', label: /^times out$/, status: 'timed_out' },
  { provider: 'browserai', label: /^succeeds after 5 steps$/, status: 'succeeded' },
  { provider: 'browserai', label: /^pauses/, status: 'paused' },
  { provider: 'browserai', label: /stopped/, status: 'cancelled' },
];

describe('the demo without a terminal (CI, a pipe)', () => {
  it('runs every scripted task to its status, the faulted ones included, and exits 0 in under 30 s', async () => {
    const result = await runCli([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.durationMs).toBeLessThan(30_000);
    expect(result.stdout).not.toContain('\u001b'); // no cursor movement nor colour in a pipe

    // The scenario is listed first: `  <ref>  <label>`, one line per task.
    const scenario = [
      ...result.stdout.matchAll(/^ {2}((?:browser-use|anchor|browserai):\S+) {2}(.+)$/gm),
    ].map((match) => ({ ref: match[1]!, label: match[2]! }));
    expect(scenario).toHaveLength(SCENARIO.length);

    const changes = parseChangeLines(result.stdout);
    const statuses = lastStatuses(changes);
    for (const expected of SCENARIO) {
      const task = scenario.find(
        (item) => expected.label.test(item.label) && item.ref.startsWith(`${expected.provider}:`),
      );
      expect(task, `a ${expected.provider} task labelled ${expected.label}`).toBeDefined();
      expect(statuses.get(task!.ref), `${task!.ref} (${task!.label})`).toBe(expected.status);
      // Each task was seen at least twice: it changed on the way (one line per change).
      expect(changes.filter((line) => line.ref === task!.ref).length).toBeGreaterThan(1);
      if (expected.fault) {
        const incidents = changes.filter((line) => line.ref === task!.ref && /^HTTP \d{3}/.test(line.text));
        expect(incidents.map((line) => line.text).join('\n')).toMatch(expected.fault);
        // The fault came on the way: after the task was seen running, before it ended.
        const lines = changes.filter((line) => line.ref === task!.ref).map((line) => line.text);
        const faultIndex = lines.findIndex((text) => expected.fault!.test(text));
        expect(lines.slice(0, faultIndex).some((text) => text.startsWith('running'))).toBe(true);
        expect(lines.slice(faultIndex + 1).some((text) => text.startsWith(expected.status))).toBe(true);
      }
    }

    // The summary: a header and one row per task, each line at most 100 columns.
    const table = summaryTable(result.stdout);
    expect(table).toHaveLength(1 + SCENARIO.length);
    for (const line of table) expect(line.length).toBeLessThanOrEqual(100);
    for (const expected of SCENARIO) {
      expect(
        table.some((line) => line.startsWith(expected.provider) && line.includes(` ${expected.status} `)),
      ).toBe(true);
    }
    expect(result.stdout).toContain('All 9 tasks reached their scripted status');
  });

  it('Ctrl-C during the demo stops it with exit 130', async () => {
    let sent = false;
    const result = await runCli([], {
      timeoutMs: 30_000,
      onStdout: (text, child) => {
        if (!sent && /running/.test(text)) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Interrupted: the demo stopped');
  });
});
