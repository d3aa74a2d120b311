/** The entries of `entries` whose value is neither null nor undefined. */
export function pickPresent(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== null && value !== undefined),
  );
}
