/** The entries of `entries` whose value is neither null nor undefined. */
export function pickPresent(entries: Record<string, unknown>): Record<string, unknown> {
  const present: Record<string, unknown> = {};
  for (const key in entries) {
    const value = entries[key];
    if (value !== null && value !== undefined) present[key] = value;
  }
  return present;
}
