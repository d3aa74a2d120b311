/** One change line of the plain output: `  +1.2s  <ref>  <text>`. */
export interface ChangeLine {
  ref: string;
  text: string;
}

const CHANGE_LINE = /^\s*\+[\dhms. ]+?s\s{2}(\S+)\s{2}(.+)$/;

export function parseChangeLines(stdout: string): ChangeLine[] {
  return stdout
    .split('\n')
    .map((line) => CHANGE_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ ref: match[1]!, text: match[2]! }));
}

/** The last status each reference reached in the change lines (`succeeded`, `running`...). */
export function lastStatuses(lines: readonly ChangeLine[]): Map<string, string> {
  const statuses = new Map<string, string>();
  for (const line of lines) {
    const status =
      /^(queued|running|paused|succeeded|failed|cancelled|timed_out|unknown|error|interrupted)\b/.exec(
        line.text,
      );
    if (status) statuses.set(line.ref, status[1]!);
  }
  return statuses;
}

/** The lines of the summary table, from its header to the first blank line. */
export function summaryTable(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) =>
    /^provider\s+reference\s+status\s+duration\s+steps\s+cost\s+output or error/.test(line),
  );
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end);
}
