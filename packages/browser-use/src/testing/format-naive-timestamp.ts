/** A Browser Use "naive UTC" timestamp: ISO 8601 with microseconds and no zone, e.g. `2025-09-01T10:00:00.123000`. */
export function formatNaiveTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, -1)}000`;
}
