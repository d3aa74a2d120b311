/** Collapses whitespace to single spaces and cuts to `max` characters with an ellipsis. */
export function toOneLine(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
