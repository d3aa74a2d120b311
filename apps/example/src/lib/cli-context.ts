/** What a command writes to and listens to. */
export interface CliContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Fires on Ctrl-C. */
  signal: AbortSignal;
}

/** The width tables are cut to: the terminal's width, or 100 columns when the output is not a terminal. */
export function outputWidth(stream: NodeJS.WriteStream): number {
  return stream.isTTY ? Math.max(40, (stream.columns || 100) - 1) : 100;
}
