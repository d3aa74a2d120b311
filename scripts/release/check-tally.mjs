// Counts the release check's checks, prints one line each, and writes the {name, passed, failed}
// file that scripts/ci-summary.mjs adds to CI's closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function createTally() {
  const results = [];
  return {
    results,
    /** Runs `fn` as one counted check; resolves with its value (`true` for none), or `undefined` when it threw. */
    async check(name, fn) {
      const started = Date.now();
      try {
        const value = await fn();
        results.push({ name, ok: true });
        console.log(`  ok    ${name}  (${seconds(Date.now() - started)})`);
        return value ?? true;
      } catch (error) {
        results.push({ name, ok: false, error: error?.message ?? String(error) });
        console.log(`  FAIL  ${name}  (${seconds(Date.now() - started)})`);
        console.log(indent(error?.message ?? String(error)));
        return undefined;
      }
    },
    /** Records a check that could not run because an earlier step failed. */
    skip(name, reason) {
      results.push({ name, ok: false, error: `not run: ${reason}` });
      console.log(`  FAIL  ${name}  (not run: ${reason})`);
    },
    get passed() {
      return results.filter((result) => result.ok).length;
    },
    get failed() {
      return results.filter((result) => !result.ok).length;
    },
    write(file) {
      mkdirSync(dirname(file), { recursive: true });
      const summary = { name: 'release e2e', passed: this.passed, failed: this.failed };
      writeFileSync(file, `${JSON.stringify(summary)}\n`);
    },
  };
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A plain-text table with right-aligned number columns. */
export function formatTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}
