import type { BodyServerInfo } from './bench-setup';
import { startChild } from './child-process';
import { median } from './stats';
import { TARGETS } from './targets';

export interface RssResult {
  targetId: string;
  /** Median over the repetitions of the child's peak RSS, bytes. */
  peakRss: number;
  samples: number[];
  /** Calls completed under load, per repetition. */
  calls: number[];
}

export interface RssSettings {
  repetitions: number;
  /** How long each child keeps `inFlight` calls running, in ms. */
  loadMs: number;
  inFlight: number;
}

/**
 * One fresh child process per client and repetition (clients in turn, so drift hits all alike); each
 * child loads only its client and runs the throughput load. Reports the median peak RSS per client.
 */
export async function measureRss(info: BodyServerInfo, settings: RssSettings): Promise<RssResult[]> {
  const samples = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  const calls = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  for (let repetition = 0; repetition < settings.repetitions; repetition++) {
    for (const target of TARGETS) {
      const child = startChild('load-child', [
        target.id,
        JSON.stringify(info),
        String(settings.loadMs),
        String(settings.inFlight),
      ]);
      try {
        const result = await child.next<{ maxRssBytes: number; calls: number }>('result', 60_000);
        samples.get(target.id)!.push(result.maxRssBytes);
        calls.get(target.id)!.push(result.calls);
      } finally {
        await child.stop();
      }
    }
  }
  return TARGETS.map((target) => {
    const values = samples.get(target.id)!;
    return { targetId: target.id, peakRss: median(values), samples: values, calls: calls.get(target.id)! };
  });
}
