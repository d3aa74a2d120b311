import { afterAll, describe, expect, it } from 'vitest';
import { missingBuilds, runChild } from './support/child';
import { type BuiltRow, createRecorder } from './support/report';

const recorder = createRecorder<BuiltRow>('built');
afterAll(() => recorder.flush());

describe('the built packages, in a plain node process', () => {
  it("keep error names (minified), work from CommonJS, and recognize each other's errors", async () => {
    const missing = missingBuilds();
    expect(missing, 'these checks run the built packages: run `pnpm build` first').toEqual([]);
    const run = await runChild(['scripts/check-built.mjs'], {
      marker: 'BUILT_RESULT ',
      exitWithinMs: 3_000,
      totalMs: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.killed, 'the process did not exit by itself').toBe(false);
    expect(run.code).toBe(0);
    const rows = (run.result ?? []) as Array<Omit<BuiltRow, 'order' | 'problems'>>;
    expect(rows.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const [order, row] of rows.entries()) {
      const rowProblems = row.observed === row.expected ? [] : [`${row.observed}, expected ${row.expected}`];
      problems.push(...rowProblems.map((problem) => `${row.provider}, ${row.case}: ${problem}`));
      recorder.add({ ...row, order, problems: rowProblems });
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
