import { UsageError } from './usage-error';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration for `--interval` and `--timeout`: `250ms`, `2s`, `1.5m`, `1h`; a bare number is
 * seconds. Throws `UsageError` naming the option and the expected form.
 */
export function parseDuration(text: string, option: string, { minMs = 1 }: { minMs?: number } = {}): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2] ?? 's']! : Number.NaN;
  if (!Number.isFinite(ms) || ms < minMs) {
    throw new UsageError(
      `${option} must be a duration like 500ms, 2s, 5m or 1h (at least ${minMs} ms), got ${JSON.stringify(text)}`,
    );
  }
  return Math.round(ms);
}
