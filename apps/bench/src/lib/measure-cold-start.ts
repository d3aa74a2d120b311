import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

export interface ColdStartResult {
  packageName: string;
  /** Runs of each command for this package. */
  runs: number;
  /**
   * Median over the runs of (wall time of `node` importing the package − wall time of the bare `node`
   * run in the same turn), in ms. Pairing each run with the bare run next to it cancels slow drift.
   */
  esmMs: number;
  cjsMs: number;
  /** Medians before the subtraction. */
  esmRawMs: number;
  cjsRawMs: number;
  /** Median time of the import itself, timed inside the process (no process start-up noise). */
  esmInProcessMs: number;
  cjsInProcessMs: number;
}

export interface ColdStartMeasurement {
  bareEsmMs: number;
  bareCjsMs: number;
  results: ColdStartResult[];
}

/** A one-line module next to the benchmark: the floor of importing any file at all. */
export const EMPTY_MODULE = 'empty module (one-line file)';
/**
 * A package holding one one-line module, imported by its name through an exports map shaped like ours
 * (`require` through a one-line `index.cjs`): the floor of importing any package at all, which adds
 * Node's package resolution (package.json lookups, the exports map) to the file's own cost.
 * apps/bench/fixtures/empty-package, packed and installed beside our packages (`createColdStartProject`).
 */
export const EMPTY_PACKAGE = 'empty package (one-line module, by name)';

const specifier = (name: string, format: 'esm' | 'cjs') =>
  name === EMPTY_MODULE
    ? `./fixtures/empty.${format === 'esm' ? 'mjs' : 'cjs'}`
    : name === EMPTY_PACKAGE
      ? 'empty-package'
      : name;
// Each command prints how long its import took inside the process; the bare commands import nothing.
const esmArgs = (name?: string) => [
  '--input-type=module',
  '-e',
  `const s = performance.now(); ${name ? `await import(${JSON.stringify(specifier(name, 'esm'))}); ` : ''}` +
    'process.stdout.write(String(performance.now() - s));',
];
const cjsArgs = (name?: string) => [
  '-e',
  `const s = performance.now(); ${name ? `require(${JSON.stringify(specifier(name, 'cjs'))}); ` : ''}` +
    'process.stdout.write(String(performance.now() - s));',
];

/**
 * Wall time of fresh `node` processes that import one package (ESM `import()`, CJS `require`), in
 * turns: each turn runs the bare commands, then every package's (after one warm-up run of each, for the
 * OS file cache). A package's cost is the median of its per-turn differences with the bare run of the
 * same turn. Each process also times its own import. `runs(name)` sets the turns a package takes part
 * in (the slow official SDKs need fewer to be resolved).
 */
export function measureColdStart(
  packages: readonly string[],
  cwd: string,
  runs: (name: string) => number,
): ColdStartMeasurement {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const commands: Array<{ key: string; args: string[] }> = [
    { key: 'bare:esm', args: esmArgs() },
    { key: 'bare:cjs', args: cjsArgs() },
    ...packages.flatMap((name) => [
      { key: `${name}:esm`, args: esmArgs(name) },
      { key: `${name}:cjs`, args: cjsArgs(name) },
    ]),
  ];
  const wall = new Map<string, number[]>(commands.map((command) => [command.key, []]));
  const inside = new Map<string, number[]>(commands.map((command) => [command.key, []]));
  const run = (command: { key: string; args: string[] }) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, command.args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(`cold start: node ${command.args.join(' ')} failed: ${result.stderr?.toString()}`);
    }
    return { elapsed, inside: Number(result.stdout.toString()) };
  };
  const runsOf = (key: string) => (key.startsWith('bare:') ? 0 : runs(key.slice(0, key.lastIndexOf(':'))));
  const turns = Math.max(...packages.map(runs));
  // Differences with the bare run of the same turn, per command.
  const paired = new Map<string, number[]>(commands.map((command) => [command.key, []]));
  for (const command of commands) run(command); // warm the OS file cache
  for (let turn = 0; turn < turns; turn++) {
    const bare: Record<string, number> = {};
    for (const command of commands) {
      if (!command.key.startsWith('bare:') && turn >= runsOf(command.key)) continue;
      const { elapsed, inside: importMs } = run(command);
      wall.get(command.key)!.push(elapsed);
      inside.get(command.key)!.push(importMs);
      const format = command.key.slice(command.key.lastIndexOf(':') + 1);
      if (command.key.startsWith('bare:')) bare[format] = elapsed;
      else paired.get(command.key)!.push(elapsed - bare[format]!);
    }
  }
  const wallOf = (key: string) => median(wall.get(key)!);
  const insideOf = (key: string) => median(inside.get(key)!);
  const pairedOf = (key: string) => median(paired.get(key)!);
  return {
    bareEsmMs: wallOf('bare:esm'),
    bareCjsMs: wallOf('bare:cjs'),
    results: packages.map((packageName) => ({
      packageName,
      runs: runs(packageName),
      esmRawMs: wallOf(`${packageName}:esm`),
      cjsRawMs: wallOf(`${packageName}:cjs`),
      esmMs: pairedOf(`${packageName}:esm`),
      cjsMs: pairedOf(`${packageName}:cjs`),
      esmInProcessMs: insideOf(`${packageName}:esm`),
      cjsInProcessMs: insideOf(`${packageName}:cjs`),
    })),
  };
}
