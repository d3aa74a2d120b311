#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { runGet } from './commands/get';
import { runWatch } from './commands/watch';
import { runDemo } from './demo/run-demo';
import type { CliContext } from './lib/cli-context';
import { describeError } from './lib/describe-error';
import { ExitCode } from './lib/exit-codes';
import { loadEnvFile } from './lib/load-env-file';
import { onInterrupt } from './lib/on-interrupt';
import { parseDuration } from './lib/parse-duration';
import { UsageError } from './lib/usage-error';

const REFERENCES = `
Task references:
  browser-use:<task uuid>              a Browser Use task (GET /api/v2/tasks/{task_id})
  anchor:<taskId>/<executionId>        an Anchor task execution (GET /v1/task/{taskId}/executions/{executionId})
  anchor:run/<runId>                   an Anchor task run (GET /v2/tasks/runs/{runId}/status)
  browserai:<sessionId>                a BrowserAI task (GET /tasks/{session_id} and /results/{session_id})

Environment (also read from a .env file in the current directory; see .env.example):
  BROWSER_USE_API_KEY, BROWSER_USE_BASE_URL
  ANCHORBROWSER_API_KEY, ANCHORBROWSER_BASE_URL
  BROWSERAI_API_KEY, BROWSERAI_BASE_URL

Exit codes: 0 done · 1 vendor error, missing key or network failure · 2 usage error · 130 Ctrl-C

Examples (from the repository root, \`pnpm start\` stands for \`example\`):
  example                                   the demo: local sandboxes, no key, no network
  example get browser-use:3f2a…  anchor:run/8c1d…
  example watch browserai:abc123 --interval 5s
  example get anchor:<taskId>/<executionId> --json | jq '.[0].raw'
`;

function createProgram(context: CliContext, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('example')
    .description(
      'Read and watch browser-agent tasks on Browser Use, Anchor and BrowserAI through one client.\n' +
        'With no command, runs a demo on local sandboxes of the three vendors (no key, no network).',
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', REFERENCES);

  program
    .command('demo', { isDefault: true })
    .description('run the demo: 9 scripted tasks on local sandboxes, watched at once (the default command)')
    .action(async () => setExitCode(await runDemo(context)));

  program
    .command('get')
    .description('read tasks once and print them (a table, or JSON with --json)')
    .argument('<refs...>', 'task references, e.g. browser-use:<uuid> anchor:run/<runId>')
    .option('--json', 'print the normalized tasks as JSON, each with the vendor body in `raw`')
    .action(async (refs: string[], options: { json?: boolean }) =>
      setExitCode(await runGet(refs, options, context)),
    );

  program
    .command('watch')
    .description('follow tasks until each one settles (terminal or paused), then print the summary')
    .argument('<refs...>', 'task references, e.g. browser-use:<uuid> browserai:<sessionId>')
    .option('--json', 'print the last read of each task as JSON at the end (progress lines go to stderr)')
    .addOption(
      new Option('--interval <duration>', 'first pause between two reads of a task (500ms, 2s, 1m)')
        .default(2_000, '2s')
        .argParser((text) => parseDuration(text, '--interval', { minMs: 50 })),
    )
    .addOption(
      new Option('--timeout <duration>', 'give up on a task after this long')
        .default(3_600_000, '1h')
        .argParser((text) => parseDuration(text, '--timeout')),
    )
    .action(async (refs: string[], options: { json?: boolean; interval: number; timeout: number }) =>
      setExitCode(
        await runWatch(
          refs,
          { json: options.json, intervalMs: options.interval, timeoutMs: options.timeout },
          context,
        ),
      ),
    );

  return program;
}

/** An unknown first word is a usage error naming the commands (commander would pass it to the demo). */
function checkCommandName(program: Command, first: string | undefined): void {
  if (first === undefined || first.startsWith('-')) return;
  const names = [...program.commands.map((command) => command.name()), 'help'];
  if (names.includes(first)) return;
  const hint = first.includes(':') ? ` (to read that task: get ${first})` : '';
  throw new UsageError(`unknown command "${first}": expected demo, get or watch${hint}`);
}

async function main(argv: readonly string[]): Promise<ExitCode> {
  const interrupt = onInterrupt();
  const context: CliContext = { stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal };
  let exitCode: ExitCode = ExitCode.ok;
  try {
    loadEnvFile();
    const program = createProgram(context, (code) => {
      exitCode = code;
    });
    checkCommandName(program, argv[0]);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n(run with --help for usage)\n`);
      return ExitCode.usage;
    }
    process.stderr.write(`error: ${describeError(error)}\n`);
    return ExitCode.failure;
  } finally {
    interrupt.dispose();
  }
}

// A closed pipe (`… --json | head -1`, or `watch --json 2>&1 >/dev/null | head -1` for the progress
// lines on stderr) is not an error worth a stack trace: the reader is gone, so stop as `head` expects.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(ExitCode.ok);
  });
}

// `pnpm start -- get …` passes the `--` through: a leading one is dropped.
const args = process.argv.slice(2);
const code = await main(args[0] === '--' ? args.slice(1) : args);
// Exit once everything written has reached the pipe (a large --json output included).
process.stdout.write('', () => process.exit(code));
