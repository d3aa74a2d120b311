// `pnpm bench`: measures our providers against raw fetch, undici and the official SDKs in one run,
// and writes docs/benchmarks.md (plus the raw numbers in apps/bench/.results/latest.json).
//   node dist/main.js --quick           tiny iteration counts (to try the pipeline; the report says so)
//   node dist/main.js --only=polling    one section (http, rss, cold, footprint, polling); prints JSON, writes nothing
//   node dist/main.js --render          the report again from apps/bench/.results/latest.json
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BodyServerInfo } from './lib/bench-setup';
import { startChild } from './lib/child-process';
import {
  bundleSize,
  createColdStartProject,
  GET_TASK_PROGRAMS,
  installProject,
  measureInstalled,
} from './lib/footprint';
import { OFFICIAL_SDKS, PROVIDERS } from './lib/goals';
import { machineInfo } from './lib/machine-info';
import { EMPTY_MODULE, EMPTY_PACKAGE, measureColdStart } from './lib/measure-cold-start';
import { type HttpSettings, measureHttp } from './lib/measure-http';
import { measureOverhead } from './lib/measure-overhead';
import { measurePackageBudgets } from './lib/measure-package-budgets';
import { measurePolling } from './lib/measure-polling';
import { measureRss, type RssSettings } from './lib/measure-rss';
import type { PollingSettings } from './lib/polling-plan';
import { renderReport } from './lib/render-report';
import { APP_DIR, REPO_ROOT } from './lib/repo-paths';
import type { RunResults, SdkFootprint } from './lib/run-results';
import { TARGETS } from './lib/targets';

const quick = process.argv.includes('--quick');

// --render: write docs/benchmarks.md again from the last run's numbers (after a change to the report).
if (process.argv.includes('--render')) {
  const last = JSON.parse(readFileSync(join(APP_DIR, '.results', 'latest.json'), 'utf8')) as RunResults;
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), renderReport(last, { quick: false }));
  console.log('rendered docs/benchmarks.md from apps/bench/.results/latest.json');
  process.exit(0);
}
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const runs = (section: string) => only === undefined || only === section;
const began = Date.now();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${line}`);

// Iteration counts, chosen so that the whole `pnpm bench` stays around 3 minutes on 2 cores.
const HTTP: HttpSettings = quick
  ? {
      warmupSequential: 50,
      warmupConcurrent: 200,
      rounds: 2,
      sequentialPerRound: 50,
      concurrentWindowMs: 100,
      inFlight: 100,
    }
  : {
      warmupSequential: 250,
      warmupConcurrent: 1_000,
      // Many short rounds rather than a few long ones: each client's samples are spread over the whole
      // run, so the drift of a shared VM weighs on every client alike.
      rounds: 15,
      sequentialPerRound: 80,
      concurrentWindowMs: 200,
      inFlight: 100,
    };
const RSS: RssSettings = quick
  ? { repetitions: 1, calls: 300, inFlight: 100 }
  : { repetitions: 5, calls: 1_000, inFlight: 100 };
// Cold start: more turns for our packages (a 5 ms target needs them), fewer for the slow official SDKs.
const COLD_START_RUNS = quick ? 3 : 41;
const COLD_START_RUNS_SDK = quick ? 2 : 5;
const OVERHEAD_ITERATIONS = quick ? 300 : 1_000;
// Polling at scale runs with the library's defaults (2 s first interval, 30 s longest, 8 requests in
// flight): tasks of 3 steps, 1-2 s apart, so each task lives 3-10 s and the watch lasts about 12 s.
const POLLING: PollingSettings = {
  tasks: quick ? 90 : 1_000,
  steps: 3,
  stepMsMin: 1_000,
  stepMsMax: 2_000,
  intervalMs: 2_000,
  maxIntervalMs: 30_000,
  concurrency: 8,
  seed: 20_250_101,
};

const appManifest = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const versionOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(APP_DIR, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const loadAtStart = loadavg();
const partial: Partial<RunResults> = {};

if (runs('http') || runs('rss')) {
  log('loopback server: starting (child process)');
  const server = startChild('body-server');
  try {
    const info = (await server.next<{ info: BodyServerInfo }>('ready')).info;
    partial.bodyBytes = info.bodyBytes;
    if (runs('http')) {
      log(`latency and throughput: ${HTTP.rounds} rounds over ${TARGETS.length} clients`);
      partial.http = { settings: HTTP, results: await measureHttp(info, HTTP, log) };
      log(`in-process overhead: ${OVERHEAD_ITERATIONS} calls per block, fetch answered from memory`);
      partial.overhead = {
        iterations: OVERHEAD_ITERATIONS,
        results: await measureOverhead(info, OVERHEAD_ITERATIONS),
      };
    }
    if (runs('rss')) {
      log(`peak RSS: one child per client and repetition, ${RSS.repetitions} repetitions`);
      partial.rss = { settings: RSS, results: await measureRss(info, RSS) };
    }
  } finally {
    await server.stop();
  }
}

if (runs('cold')) {
  log(
    `cold start: ${COLD_START_RUNS} fresh node processes per package and format (${COLD_START_RUNS_SDK} for the SDKs)`,
  );
  const project = mkdtempSync(join(tmpdir(), 'x-bench-cold-'));
  try {
    log(
      'cold start: npm install of our tarballs, the empty package and the official SDKs into a fresh project',
    );
    createColdStartProject(
      REPO_ROOT,
      project,
      OFFICIAL_SDKS.map((sdk) => `${sdk.name}@${appManifest.dependencies[sdk.name]!}`),
    );
    partial.coldStart = measureColdStart(
      [
        EMPTY_MODULE,
        EMPTY_PACKAGE,
        '@x/core',
        ...PROVIDERS.map((provider) => provider.name),
        ...OFFICIAL_SDKS.map((sdk) => sdk.name),
      ],
      project,
      (name) => (OFFICIAL_SDKS.some((sdk) => sdk.name === name) ? COLD_START_RUNS_SDK : COLD_START_RUNS),
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

if (runs('footprint')) {
  log('footprint: pnpm pack + npm install --offline of each provider, esbuild bundles');
  const ours = await measurePackageBudgets(REPO_ROOT);
  const sdks: SdkFootprint[] = [];
  const sdkWork = mkdtempSync(join(tmpdir(), 'x-bench-sdk-'));
  try {
    for (const sdk of OFFICIAL_SDKS) {
      const version = appManifest.dependencies[sdk.name]!;
      log(`footprint: npm install ${sdk.name}@${version} (registry)`);
      const project = join(sdkWork, sdk.name);
      const entry: SdkFootprint = { name: sdk.name, version };
      try {
        installProject(project, [`${sdk.name}@${version}`], { offline: false });
        entry.installed = measureInstalled(project);
        try {
          entry.bundle = await bundleSize(project, GET_TASK_PROGRAMS[sdk.name]!);
        } catch (error) {
          entry.bundleError = firstLine(error);
        }
      } catch (error) {
        entry.installError = firstLine(error);
      }
      sdks.push(entry);
    }
  } finally {
    rmSync(sdkWork, { recursive: true, force: true });
  }
  partial.footprint = { ours, sdks };
}

if (runs('polling')) {
  log(`polling at scale: ${POLLING.tasks} tasks across the three sandboxes`);
  partial.polling = await measurePolling(POLLING);
}

if (only !== undefined) {
  console.log(JSON.stringify(partial, null, 2));
} else {
  const results: RunResults = {
    ...(partial as Omit<RunResults, 'startedAt' | 'durationSeconds' | 'machine' | 'versions'>),
    startedAt: new Date(began).toISOString(),
    durationSeconds: (Date.now() - began) / 1000,
    machine: { ...machineInfo(), loadAtStart, loadAtEnd: loadavg() },
    versions: Object.fromEntries(
      [
        '@x/core',
        ...PROVIDERS.map((provider) => provider.name),
        ...OFFICIAL_SDKS.map((sdk) => sdk.name),
        'undici',
        'esbuild',
      ].map((name) => [name, versionOf(name)]),
    ),
  };
  const reportPath = join(REPO_ROOT, 'docs', 'benchmarks.md');
  mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
  writeFileSync(reportPath, renderReport(results, { quick }));
  mkdirSync(join(APP_DIR, '.results'), { recursive: true });
  writeFileSync(join(APP_DIR, '.results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote docs/benchmarks.md (${results.durationSeconds.toFixed(0)} s)`);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error)
    .split('\n')[0]!
    .slice(0, 300);
}
