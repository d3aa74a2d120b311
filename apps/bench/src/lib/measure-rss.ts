import type { BodyServerInfo } from './bench-setup';
import { startChild } from './child-process';
import { median } from './stats';
import { TARGETS } from './targets';

export interface RssResult {
  targetId: string;
  /** Median over the repetitions of the child's peak RSS, bytes. */
  peakRss: number;
  samples: number[];
  /** Wall time of the load, per repetition, in ms. */
  wallMs: number[];
}

export interface RssSettings {
  repetitions: number;
  /** Calls each child makes with `inFlight` in flight (the same work for every client). */
  calls: number;
  inFlight: number;
}

/**
 * One fresh child process per client and repetition (clients in turn, so drift hits all alike); each
 * child loads only its client and runs the throughput load. Reports the median peak RSS per client.
 */
export async function measureRss(info: BodyServerInfo, settings: RssSettings): Promise<RssResult[]> {
  const samples = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  const walls = new Map<string, number[]>(TARGETS.map((target) => [target.id, []]));
  for (let repetition = 0; repetition < settings.repetitions; repetition++) {
    for (const target of TARGETS) {
      const child = startChild('load-child', [
        target.id,
        JSON.stringify(info),
        String(settings.calls),
        String(settings.inFlight),
      ]);
      try {
        const result = await child.next<{ maxRssBytes: number; wallMs: number }>('result', 60_000);
        samples.get(target.id)!.push(result.maxRssBytes);
        walls.get(target.id)!.push(result.wallMs);
      } finally {
        await child.stop();
      }
    }
  }
  return TARGETS.map((target) => {
    const values = samples.get(target.id)!;
    return { targetId: target.id, peakRss: median(values), samples: values, wallMs: walls.get(target.id)! };
  });
}
