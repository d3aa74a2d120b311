import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeReliabilityReport } from './write-report';

/** The fixed fuzzing seed; `RELIABILITY_SEED=<n>` explores another part of the input space. */
export const DEFAULT_SEED = 20_250_901;

export default function setup(project: TestProject) {
  const reportDir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const seed = Number(process.env.RELIABILITY_SEED ?? DEFAULT_SEED);
  project.provide('reportDir', reportDir);
  project.provide('seed', Number.isSafeInteger(seed) ? seed : DEFAULT_SEED);
  return () => {
    try {
      writeReliabilityReport(reportDir, seed);
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  };
}
