import type { BodyServerInfo } from './bench-setup';
import { runConcurrent, runConcurrentFor, runSequential } from './run-load';
import { median, percentile } from './stats';
import { TARGETS } from './targets';

export interface HttpSettings {
  warmupSequential: number;
  warmupConcurrent: number;
  rounds: number;
  sequentialPerRound: number;
  /** Length of each round's throughput window, in ms (bounded by time, so a busy machine cannot stretch the run). */
  concurrentWindowMs: number;
  inFlight: number;
}

export interface HttpResult {
  targetId: string;
  p50: number;
  p90: number;
  p99: number;
  /** Calls per second with `inFlight` calls in flight: the median of the rounds. */
  throughput: number;
  /** Per-round throughputs, to show the spread. */
  throughputRounds: number[];
  samples: number;
}

/**
 * All clients in this one process, against the same server, in rounds: each round runs every client
 * (in a rotating order, so drift and GC debt hit all alike) for a block of sequential calls and a block
 * of concurrent calls. Warm-up first (JIT, connection pools).
 */
export async function measureHttp(
  info: BodyServerInfo,
  settings: HttpSettings,
  log: (line: string) => void,
): Promise<HttpResult[]> {
  const calls = new Map<string, () => Promise<unknown>>();
  for (const target of TARGETS) calls.set(target.id, await target.create(info));
  for (const target of TARGETS) {
    const call = calls.get(target.id)!;
    await runSequential(call, settings.warmupSequential);
    await runConcurrent(call, settings.warmupConcurrent, settings.inFlight);
  }
  const latencies = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  const rates = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = TARGETS.map((_, index) => TARGETS[(index + round) % TARGETS.length]!);
    for (const target of order) {
      const call = calls.get(target.id)!;
      latencies.get(target.id)!.push(...(await runSequential(call, settings.sequentialPerRound)));
      const { calls: done, wallMs } = await runConcurrentFor(
        call,
        settings.concurrentWindowMs,
        settings.inFlight,
      );
      rates.get(target.id)!.push(done / (wallMs / 1000));
    }
    log(`  round ${round + 1}/${settings.rounds} done`);
  }
  return TARGETS.map((target) => {
    const samples = latencies.get(target.id)!;
    const rounds = rates.get(target.id)!;
    return {
      targetId: target.id,
      p50: percentile(samples, 50),
      p90: percentile(samples, 90),
      p99: percentile(samples, 99),
      throughput: median(rounds),
      throughputRounds: rounds,
      samples: samples.length,
    };
  });
}
