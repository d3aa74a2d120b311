import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './stats';

export interface ColdStartResult {
  packageName: string;
  /** Median wall time of `node` importing the package, minus the median of a bare `node`, in ms. */
  esmMs: number;
  cjsMs: number;
  /** Medians before the subtraction. */
  esmRawMs: number;
  cjsRawMs: number;
}

export interface ColdStartMeasurement {
  bareEsmMs: number;
  bareCjsMs: number;
  results: ColdStartResult[];
  runs: number;
}

/** A one-line module next to the benchmark: the floor of importing any file at all. */
export const EMPTY_MODULE = 'empty module (one-line file)';

const specifier = (name: string, format: 'esm' | 'cjs') =>
  name === EMPTY_MODULE ? `./fixtures/empty.${format === 'esm' ? 'mjs' : 'cjs'}` : name;
const esmArgs = (name?: string) => [
  '--input-type=module',
  '-e',
  name ? `import ${JSON.stringify(specifier(name, 'esm'))};` : '',
];
const cjsArgs = (name?: string) => ['-e', name ? `require(${JSON.stringify(specifier(name, 'cjs'))});` : ''];

/**
 * Wall time of fresh `node` processes that import one package (ESM `import`, CJS `require`), in turns
 * (every command once per run, `runs` runs), medians, minus a bare `node` measured the same way.
 */
export function measureColdStart(
  packages: readonly string[],
  cwd: string,
  runs: number,
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
  const times = new Map<string, number[]>(commands.map((command) => [command.key, []]));
  const run = (command: { key: string; args: string[] }) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, command.args, {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(`cold start: node ${command.args.join(' ')} failed: ${result.stderr?.toString()}`);
    }
    return elapsed;
  };
  for (const command of commands) run(command); // warm the OS file cache
  for (let index = 0; index < runs; index++) {
    for (const command of commands) times.get(command.key)!.push(run(command));
  }
  const medianOf = (key: string) => median(times.get(key)!);
  const bareEsmMs = medianOf('bare:esm');
  const bareCjsMs = medianOf('bare:cjs');
  return {
    bareEsmMs,
    bareCjsMs,
    runs,
    results: packages.map((packageName) => ({
      packageName,
      esmRawMs: medianOf(`${packageName}:esm`),
      cjsRawMs: medianOf(`${packageName}:cjs`),
      esmMs: medianOf(`${packageName}:esm`) - bareEsmMs,
      cjsMs: medianOf(`${packageName}:cjs`) - bareCjsMs,
    })),
  };
}
