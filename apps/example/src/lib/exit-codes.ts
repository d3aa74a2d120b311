/** The CLI's exit codes, documented in `--help` and the README. */
export const ExitCode = {
  /** Everything asked for was read (a task that failed is still a successful read). */
  ok: 0,
  /** A vendor error, a missing key, a network failure, or a demo task that missed its scripted end. */
  failure: 1,
  /** Bad command line: unknown command or option, unknown provider prefix, malformed reference. */
  usage: 2,
  /** Stopped with Ctrl-C (128 + SIGINT), after printing what was seen. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
