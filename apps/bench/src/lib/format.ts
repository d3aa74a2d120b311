/** 12,345 B → "12.3 KB" (decimal units, as npm prints them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  const sign = bytes < 0 ? '-' : '';
  const value = Math.abs(bytes);
  if (value < 1_000) return `${sign}${value} B`;
  if (value < 1_000_000) return `${sign}${(value / 1_000).toFixed(1)} KB`;
  return `${sign}${(value / 1_000_000).toFixed(1)} MB`;
}

export function formatMs(ms: number, digits = 3): string {
  return Number.isFinite(ms) ? `${ms.toFixed(digits)} ms` : 'n/a';
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(3)}x` : 'n/a';
}

export function formatInteger(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}
