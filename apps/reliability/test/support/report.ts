import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The parts of docs/reliability.md; each test file records one. */
export type Section = 'faults' | 'abort' | 'bad-input' | 'secrecy' | 'fuzz' | 'soak' | 'built';

export const SECTIONS: readonly Section[] = [
  'faults',
  'abort',
  'bad-input',
  'secrecy',
  'fuzz',
  'soak',
  'built',
];

/** What every recorded row carries: where it sorts, and the problems seen (none when as expected). */
export interface BaseRow {
  provider: string;
  /** Position of the case in its file's table, so the report's order does not depend on timing. */
  order: number;
  problems: string[];
}

/**
 * Collects the rows of one section. Test files run in separate workers, so each writes its rows to the
 * run's report directory in `afterAll`; the global teardown turns them into docs/reliability.md.
 */
export function createRecorder<Row extends BaseRow>(section: Section) {
  const rows: Row[] = [];
  return {
    add(row: Row) {
      rows.push(row);
    },
    flush() {
      writeFileSync(join(inject('reportDir'), `${section}.json`), JSON.stringify(rows));
    },
  };
}

/** A short, one-line, table-safe version of a message. */
export function shorten(text: string, max = 110): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where each test file writes its rows (a fresh temporary directory per run). */
    reportDir: string;
    /** The fuzzing seed of this run. */
    seed: number;
  }
}

/** One case of the fault matrix. */
export interface FaultRow extends BaseRow {
  case: string;
  /** What the server did. */
  fault: string;
  expected: string;
  /** Requests the server saw on the task endpoint. */
  attempts: number;
  outcome: string;
  ms: number;
  message: string;
}

/** One abort case. */
export interface AbortRow extends BaseRow {
  case: string;
  outcome: string;
  /** From `controller.abort()` to the promise settling. */
  settledMs: number;
  /** Timers and client sockets still active after the call (none expected). */
  leftovers: string;
  requests: number;
}

/** One bad input, for one provider. */
export interface BadInputRow extends BaseRow {
  category: string;
  input: string;
  /** The outcomes seen across the calls and id slots tried (e.g. `InvalidArgumentError ×7`). */
  outcome: string;
  calls: number;
  requests: number;
}

/** One secrecy case. */
export interface SecrecyRow extends BaseRow {
  key: string;
  case: string;
  outcome: string;
  /** How many texts were searched for the key. */
  surfaces: number;
}

/** The fuzzing summary of one provider. */
export interface FuzzRow extends BaseRow {
  case: string;
  runs: number;
  seed: number;
  ms: number;
  outcomes: Record<string, number>;
  examples: Array<{ problem: string; example: string }>;
}

/** The soak of one provider, run in a child process. */
export interface SoakRow extends BaseRow {
  case: string;
  calls: number;
  concurrency: number;
  maxRetries: number;
  faultRate: number;
  faultsInjected: number;
  requests: number;
  succeeded: number;
  failed: number;
  durationMs: number;
  rssSamples: number;
  rssFirstQuarterMB: number;
  rssLastQuarterMB: number;
  exitCode: number | null;
  signal: string | null;
  exitAfterMs: number;
}

/** One check of the built packages (`dist/`), as a user's process loads them. */
export interface BuiltRow extends BaseRow {
  case: string;
  expected: string;
  observed: string;
}
