#!/usr/bin/env node
// Proves scripts/ci-summary.mjs counts honestly: it runs a copy of it on small fixture trees (vitest-like
// reports, a package without a report, .ci/results files) and checks the closing line and the exit code.
// Writes {name, passed, failed} to the file named by the first argument (.ci/results/ci-summary.json).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const summary = join(dirname(fileURLToPath(import.meta.url)), 'ci-summary.mjs');
const withTest = { scripts: { test: 'vitest run' } };
const report = (passed, failed = 0, extra = {}) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  success: failed === 0,
  ...extra,
});

/** Each case: the files of a fixture tree, and the closing line and exit code expected. */
const CASES = [
  {
    name: 'all green',
    files: { 'packages/a/package.json': withTest, 'packages/a/test-results.json': report(5) },
    line: 'Tests: 5 passed, 0 failed',
    exit: 0,
  },
  {
    name: 'a failed test',
    files: { 'packages/a/package.json': withTest, 'packages/a/test-results.json': report(5, 2) },
    line: 'Tests: 5 passed, 2 failed',
    exit: 1,
  },
  {
    name: 'skipped and todo tests count as failed',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': report(5, 0, { numPendingTests: 2, numTodoTests: 1 }),
    },
    line: 'Tests: 5 passed, 3 failed',
    exit: 1,
  },
  {
    name: 'a report with no passed test is a failure',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': report(0),
      'packages/b/package.json': withTest,
      'packages/b/test-results.json': report(4),
    },
    line: 'Tests: 4 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'a package with a test script but no report is a failure',
    files: {
      'packages/a/package.json': withTest,
      'apps/b/package.json': withTest,
      'apps/b/test-results.json': report(4),
      'examples/c/package.json': { scripts: {} },
    },
    line: 'Tests: 4 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'a crashed file (success false, no failed test) is a failure',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': { numPassedTests: 3, numFailedTests: 0, success: false },
    },
    line: 'Tests: 3 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'the other checks of .ci/results are added',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': report(2),
      '.ci/results/release.json': { name: 'release', passed: 21, failed: 0 },
      '.ci/results/budgets.json': { name: 'budgets', passed: 8, failed: 1 },
    },
    line: 'Tests: 31 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'a file that crashed at import counts once',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': { numPassedTests: 0, numFailedTests: 0, success: false },
    },
    line: 'Tests: 0 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'a failed test in examples/* counts',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': report(2),
      'examples/s/package.json': withTest,
      'examples/s/test-results.json': report(3, 1),
    },
    line: 'Tests: 5 passed, 1 failed',
    exit: 1,
  },
  {
    name: 'a report whose tests are all skipped counts each skip once',
    files: {
      'packages/a/package.json': withTest,
      'packages/a/test-results.json': report(0, 0, { numPendingTests: 2 }),
      'packages/b/package.json': withTest,
      'packages/b/test-results.json': report(1),
    },
    line: 'Tests: 1 passed, 2 failed',
    exit: 1,
  },
  { name: 'no test at all fails', files: {}, line: 'Tests: 0 passed, 0 failed', exit: 1 },
];

let passed = 0;
let failed = 0;
for (const testCase of CASES) {
  const root = mkdtempSync(join(tmpdir(), 'x-ci-summary-'));
  try {
    mkdirSync(join(root, 'scripts'));
    copyFileSync(summary, join(root, 'scripts', 'ci-summary.mjs'));
    for (const [path, content] of Object.entries(testCase.files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), JSON.stringify(content));
    }
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'ci-summary.mjs')], { encoding: 'utf8' });
    const line = run.stdout.trim().split('\n').at(-1);
    const ok = line === testCase.line && run.status === testCase.exit;
    if (ok) passed++;
    else failed++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'}  ${testCase.name}${ok ? '' : `: got "${line}" (exit ${run.status}), expected "${testCase.line}" (exit ${testCase.exit})`}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`ci-summary check: ${passed} passed, ${failed} failed`);
const out = process.argv[2];
if (out) writeFileSync(out, `${JSON.stringify({ name: 'ci-summary', passed, failed })}\n`);
