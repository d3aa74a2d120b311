import { afterAll, describe, inject, it } from 'vitest';
import { missingBuilds, runChild } from './support/child';
import { ADAPTERS } from './support/providers';
import { createRecorder, type SoakRow } from './support/report';

const recorder = createRecorder<SoakRow>('soak');
afterAll(() => recorder.flush());

const CALLS = Number(process.env.RELIABILITY_SOAK_CALLS ?? 10_000);
const CONCURRENCY = 50;
/** The process must be gone this soon after printing its result. */
const EXIT_WITHIN_MS = 3_000;
/** RSS may move this much between the first and the last quarter of the samples. */
const RSS_DRIFT_MB = 30;

interface SoakResult {
  calls: number;
  concurrency: number;
  maxRetries: number;
  faultRate: number;
  succeeded: number;
  failed: number;
  failures: Record<string, number>;
  faultsInjected: number;
  requests: number;
  durationMs: number;
  gcExposed: boolean;
  rssSamples: number;
  rssFirstQuarterMB: number;
  rssLastQuarterMB: number;
}

// The three children run at once: each is its own process, and the suite's wall time is what counts.
describe('soak (child processes, built packages)', () => {
  it.concurrent.for([...ADAPTERS])(
    `$name: ${CALLS} getTask calls with 5 % injected faults all succeed, RSS stays flat, the process exits by itself`,
    { timeout: 250_000 },
    async (adapter, { expect }) => {
      const missing = missingBuilds();
      expect(missing, 'the soak runs the built packages: run `pnpm build` first').toEqual([]);
      const seed = inject('seed');
      const run = await runChild(
        ['--expose-gc', 'scripts/soak.mjs', adapter.name, String(CALLS), String(CONCURRENCY), String(seed)],
        { marker: 'SOAK_RESULT ', exitWithinMs: EXIT_WITHIN_MS, totalMs: 240_000 },
      );
      const result = run.result as SoakResult | undefined;
      const problems: string[] = [];
      if (!result) problems.push(`no result (exit ${run.code ?? run.signal}): ${run.stderr.slice(0, 500)}`);
      if (run.killed)
        problems.push(`did not exit by itself within ${EXIT_WITHIN_MS} ms of its result: killed`);
      if (run.code !== 0) problems.push(`exit code ${run.code ?? run.signal}`);
      if (result) {
        if (result.succeeded !== CALLS) {
          problems.push(
            `${result.succeeded}/${CALLS} calls succeeded: ${JSON.stringify(result.failures).slice(0, 300)}`,
          );
        }
        const rate = result.faultsInjected / Math.max(1, result.requests);
        if (rate < 0.03 || rate > 0.07)
          problems.push(`faults hit ${(rate * 100).toFixed(1)} % of the requests, not about 5 %`);
        if (!result.gcExposed) problems.push('global.gc was not exposed');
        if (result.rssSamples < 8) problems.push(`only ${result.rssSamples} RSS samples`);
        const drift = result.rssLastQuarterMB - result.rssFirstQuarterMB;
        if (Math.abs(drift) > RSS_DRIFT_MB)
          problems.push(`RSS moved ${drift.toFixed(1)} MB between the first and last quarter`);
      }
      recorder.add({
        provider: adapter.name,
        order: 0,
        case: `${CALLS} getTask calls, 5 % faults`,
        calls: result?.calls ?? CALLS,
        concurrency: result?.concurrency ?? CONCURRENCY,
        maxRetries: result?.maxRetries ?? 0,
        faultRate: result?.faultRate ?? 0,
        faultsInjected: result?.faultsInjected ?? 0,
        requests: result?.requests ?? 0,
        succeeded: result?.succeeded ?? 0,
        failed: result?.failed ?? CALLS,
        durationMs: result?.durationMs ?? 0,
        rssSamples: result?.rssSamples ?? 0,
        rssFirstQuarterMB: result?.rssFirstQuarterMB ?? 0,
        rssLastQuarterMB: result?.rssLastQuarterMB ?? 0,
        exitCode: run.code,
        signal: run.signal,
        exitAfterMs: run.exitAfterResultMs ?? -1,
        problems,
      });
      expect(problems).toEqual([]);
    },
  );
});
