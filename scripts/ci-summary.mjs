#!/usr/bin/env node
// Sums every test report of the run and prints the closing line CI reads:
//   Tests: N passed, N failed
// Reports: vitest JSON reports (packages/*/test-results.json, apps/*/test-results.json) and the
// {name, passed, failed} files that the other checks of .ci/run write to .ci/results/.
// A workspace package with a `test` script but no report counts as one failure (its suite crashed
// before reporting, or never ran), and so does a report with no passed test. Skipped and todo tests count
// as failed: a leftover `.skip` must not hide a suite. Exits 1 when a test failed or when no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
const rows = [];

for (const group of ['packages', 'apps', 'examples']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'test-results.json');
    if (!existsSync(file)) {
      // A package with tests but no report: its suite crashed before reporting, or never ran.
      const manifest = join(dir, name, 'package.json');
      const scripts = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).scripts : undefined;
      if (scripts?.test) {
        rows.push([`${group}/${name} (no report: crashed or did not run)`, 0, 1]);
        failed += 1;
      }
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const p = report.numPassedTests ?? 0;
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    const f =
      (report.numFailedTests ?? 0) +
      (report.success === false && !report.numFailedTests ? 1 : 0) +
      skipped +
      (p === 0 && !report.numFailedTests && !skipped && report.success !== false ? 1 : 0);
    const notes = [
      skipped > 0 ? `${skipped} skipped or todo, counted as failed` : '',
      p === 0 ? 'no test passed' : '',
    ]
      .filter(Boolean)
      .join('; ');
    rows.push([`${group}/${name}${notes ? ` (${notes})` : ''}`, p, f]);
    passed += p;
    failed += f;
  }
}

const resultsDir = join(root, '.ci', 'results');
if (existsSync(resultsDir)) {
  for (const name of readdirSync(resultsDir).filter((file) => file.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(join(resultsDir, name), 'utf8'));
    rows.push([result.name ?? name, result.passed ?? 0, result.failed ?? 0]);
    passed += result.passed ?? 0;
    failed += result.failed ?? 0;
  }
}

for (const [name, p, f] of rows)
  console.log(`  ${name.padEnd(40)} ${String(p).padStart(5)} passed ${String(f).padStart(3)} failed`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
