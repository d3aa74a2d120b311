import { formatBytes, formatInteger, formatMs, formatRatio } from './format';
import { GOALS, OFFICIAL_SDKS, PROVIDERS } from './goals';
import type { HttpResult } from './measure-http';
import type { RunResults } from './run-results';
import { TARGETS, type Vendor } from './targets';

const VENDOR_TITLES: Record<Vendor, string> = {
  'browser-use': 'Browser Use',
  anchor: 'Anchor',
  browserai: 'BrowserAI',
};

const table = (head: string[], rows: string[][], align?: string[]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, index) => (align?.[index] === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const hit = (ok: boolean) => (ok ? 'hit' : '**miss**');
const micros = (ms: number) => `${Math.round(ms * 1000)} µs`;

interface Verdict {
  goal: string;
  target: string;
  cells: string[];
  ok: boolean;
  why?: string[];
}

/** Renders docs/benchmarks.md from one run's results. */
export function renderReport(results: RunResults, options: { quick: boolean }): string {
  const http = new Map(results.http.results.map((result) => [result.targetId, result]));
  const rss = new Map(results.rss.results.map((result) => [result.targetId, result]));
  const overhead = new Map(results.overhead.results.map((result) => [result.vendor, result]));
  const cold = new Map(results.coldStart.results.map((result) => [result.packageName, result]));
  const footprint = new Map(results.footprint.ours.map((result) => [result.name, result]));
  const get = (id: string): HttpResult => http.get(id)!;
  const vendors = PROVIDERS.map((provider) => provider.vendor);

  // --- verdicts -------------------------------------------------------------------------------------
  const verdicts: Verdict[] = [];
  {
    const ratios = vendors.map((vendor) => get(`${vendor}/ours`).p50 / get(`${vendor}/fetch`).p50);
    const ok = ratios.every((ratio) => ratio <= GOALS.p50Ratio);
    verdicts.push({
      goal: 'p50 latency vs raw `fetch`',
      target: `≤ ${GOALS.p50Ratio}x`,
      cells: ratios.map((ratio) => `${formatRatio(ratio)} ${hit(ratio <= GOALS.p50Ratio)}`),
      ok,
      why: ok
        ? undefined
        : vendors
            .filter((_, index) => ratios[index]! > GOALS.p50Ratio)
            .map((vendor) => {
              const fetchP50 = get(`${vendor}/fetch`).p50;
              const oursP50 = get(`${vendor}/ours`).p50;
              const cost = overhead.get(vendor)!;
              const added = (cost.oursMicros - cost.bareMicros) / 1000;
              return (
                `${VENDOR_TITLES[vendor]}: p50 ${formatMs(oursP50)} vs ${formatMs(fetchP50)} (+${micros(oursP50 - fetchP50)}). ` +
                `With the network taken out (a \`fetch\` answering from memory), one \`getTask\` costs ` +
                `${Math.round(cost.oursMicros)} µs of CPU against ${Math.round(cost.bareMicros)} µs for a bare ` +
                `\`Response.json()\`: our layer adds about ${micros(added)} per call, which is ` +
                `${((added / fetchP50) * 100).toFixed(0)}% of a loopback round trip.`
              );
            }),
    });
  }
  {
    const ratios = vendors.map(
      (vendor) => get(`${vendor}/ours`).throughput / get(`${vendor}/fetch`).throughput,
    );
    const ok = ratios.every((ratio) => ratio >= GOALS.throughputRatio);
    verdicts.push({
      goal: 'throughput vs raw `fetch` (100 in flight)',
      target: `≥ ${GOALS.throughputRatio}x`,
      cells: ratios.map((ratio) => `${formatRatio(ratio)} ${hit(ratio >= GOALS.throughputRatio)}`),
      ok,
      why: ok
        ? undefined
        : vendors
            .filter((_, index) => ratios[index]! < GOALS.throughputRatio)
            .map((vendor) => {
              const fetchRate = get(`${vendor}/fetch`).throughput;
              const cost = overhead.get(vendor)!;
              const added = cost.oursMicros - cost.bareMicros;
              const perCallMicros = 1e6 / fetchRate;
              return (
                `${VENDOR_TITLES[vendor]}: with 100 calls in flight the client's core is saturated (the server ` +
                `has the other core), so throughput is CPU per call: raw \`fetch\` spends about ` +
                `${Math.round(perCallMicros)} µs per call, ours about ${Math.round(added)} µs more ` +
                `(same in-memory measure as above), which predicts ${formatRatio(perCallMicros / (perCallMicros + added))}.`
              );
            }),
    });
  }
  {
    const deltas = vendors.map(
      (vendor) => rss.get(`${vendor}/ours`)!.peakRss - rss.get(`${vendor}/fetch`)!.peakRss,
    );
    const ok = deltas.every((delta) => delta <= GOALS.rssDeltaBytes);
    verdicts.push({
      goal: 'peak RSS under that load vs raw `fetch`',
      target: `≤ +${formatBytes(GOALS.rssDeltaBytes)}`,
      cells: deltas.map(
        (delta) => `${delta >= 0 ? '+' : ''}${formatBytes(delta)} ${hit(delta <= GOALS.rssDeltaBytes)}`,
      ),
      ok,
      why: ok
        ? undefined
        : vendors
            .filter((_, index) => deltas[index]! > GOALS.rssDeltaBytes)
            .map(
              (vendor) =>
                `${VENDOR_TITLES[vendor]}: peak ${formatBytes(rss.get(`${vendor}/ours`)!.peakRss)} vs ` +
                `${formatBytes(rss.get(`${vendor}/fetch`)!.peakRss)}: each in-flight call holds the body text, ` +
                'the parsed JSON and the normalized task (steps, artifacts, metadata) besides `raw`.',
            ),
    });
  }
  {
    const costs = vendors.map((vendor) => {
      const name = PROVIDERS.find((provider) => provider.vendor === vendor)!.name;
      return cold.get(name)!;
    });
    const okOf = (cost: { esmMs: number; cjsMs: number }) =>
      cost.esmMs < GOALS.importMs && cost.cjsMs < GOALS.importMs;
    const ok = costs.every(okOf);
    verdicts.push({
      goal: 'import cost (ESM / CJS)',
      target: `< ${GOALS.importMs} ms`,
      cells: costs.map((cost) => `${cost.esmMs.toFixed(1)} / ${cost.cjsMs.toFixed(1)} ms ${hit(okOf(cost))}`),
      ok,
      why: ok
        ? undefined
        : costs
            .filter((cost) => !okOf(cost))
            .map(
              (cost) =>
                `${cost.packageName}: ${cost.esmMs.toFixed(1)} ms (ESM), ${cost.cjsMs.toFixed(1)} ms (CJS) over a bare node ` +
                `(${results.coldStart.bareEsmMs.toFixed(1)} / ${results.coldStart.bareCjsMs.toFixed(1)} ms): ` +
                'it loads its own module plus all of @x/core.',
            ),
    });
  }
  {
    const items = PROVIDERS.map((provider) => footprint.get(provider.name)!);
    const ok = items.every((item) => item.installed.bytes < GOALS.installedBytes);
    verdicts.push({
      goal: 'installed, one provider + `@x/core`',
      target: `< ${formatBytes(GOALS.installedBytes)}`,
      cells: items.map(
        (item) => `${formatBytes(item.installed.bytes)} ${hit(item.installed.bytes < GOALS.installedBytes)}`,
      ),
      ok,
      why: ok
        ? undefined
        : items
            .filter((item) => item.installed.bytes >= GOALS.installedBytes)
            .map((item) => {
              const kinds = Object.entries(item.installed.byKind)
                .filter(([, bytes]) => bytes > 0)
                .sort((a, b) => b[1] - a[1])
                .map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`)
                .join(', ');
              const packages = item.installed.packages
                .map((entry) => `${entry.name} ${formatBytes(entry.bytes)}`)
                .join(', ');
              return `${item.name}: ${formatBytes(item.installed.bytes)} = ${packages}; by kind of file: ${kinds}.`;
            }),
    });
  }
  {
    const items = PROVIDERS.map((provider) => footprint.get(provider.name)!);
    const ok = items.every((item) => item.bundle.gzipBytes < GOALS.bundleGzipBytes);
    verdicts.push({
      goal: 'min+gz bundle of a `getTask` program',
      target: `< ${formatBytes(GOALS.bundleGzipBytes)}`,
      cells: items.map(
        (item) =>
          `${formatBytes(item.bundle.gzipBytes)} ${hit(item.bundle.gzipBytes < GOALS.bundleGzipBytes)}`,
      ),
      ok,
      why: ok
        ? undefined
        : items
            .filter((item) => item.bundle.gzipBytes >= GOALS.bundleGzipBytes)
            .map(
              (item) =>
                `${item.name}: ${formatBytes(item.bundle.minBytes)} minified; what esbuild keeps: ` +
                item.bundle.inputs
                  .filter((input) => input.bytes > 0)
                  .map(
                    (input) => `${input.path.replace(/^.*node_modules\//, '')} ${formatBytes(input.bytes)}`,
                  )
                  .join(', ') +
                '.',
            ),
    });
  }
  {
    const items = PROVIDERS.map((provider) => footprint.get(provider.name)!);
    const okOf = (item: (typeof items)[number]) =>
      item.foreignDependencies.length === 0 && item.installed.packages.length === 2;
    const ok = items.every(okOf);
    verdicts.push({
      goal: 'runtime dependencies outside `@x/*`',
      target: 'none',
      cells: items.map(
        (item) =>
          `${item.foreignDependencies.length} (${item.installed.packages.length} packages) ${hit(okOf(item))}`,
      ),
      ok,
      why: ok
        ? undefined
        : items
            .filter((item) => !okOf(item))
            .map((item) => `${item.name}: ${item.foreignDependencies.join(', ')}`),
    });
  }

  // --- sections -------------------------------------------------------------------------------------
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const s = results.http.settings;
  const r = results.rss.settings;
  const p = results.polling.settings;

  push(
    '# Benchmarks',
    '',
    `Generated by \`pnpm bench\` (apps/bench) on ${results.startedAt.slice(0, 10)}, in ${Math.round(results.durationSeconds)} s. ` +
      'Do not edit by hand: run `pnpm bench` again. Every number below comes from that one run; ratios compare ' +
      'clients measured side by side against the same server in the same run. Timings are reported here, never ' +
      'asserted in tests; the deterministic budgets are checked in CI by `scripts/ci-checks/budgets.sh`.',
    '',
  );
  if (options.quick) {
    push('> **Quick run (`--quick`): tiny iteration counts, numbers not meaningful.**', '');
  }
  push(
    '## Targets',
    '',
    table(
      ['goal', 'target', ...vendors.map((vendor) => VENDOR_TITLES[vendor]), 'verdict'],
      verdicts.map((verdict) => [verdict.goal, verdict.target, ...verdict.cells, hit(verdict.ok)]),
    ),
    '',
    'Sizes use decimal units as npm prints them (1 KB = 1,000 B, 1 MB = 1,000,000 B), the stricter reading of the targets.',
    '',
  );
  const misses = verdicts.filter((verdict) => !verdict.ok);
  if (misses.length > 0) {
    push('### Where we miss, and why', '');
    for (const verdict of misses) {
      push(`- **${verdict.goal}** (target ${verdict.target}):`);
      for (const why of verdict.why ?? []) push(`  - ${why}`);
    }
    push('');
  }

  push(
    '## How it is measured',
    '',
    `- **Server**: a plain \`node:http\` server in its own child process on 127.0.0.1 (free port, keep-alive), ` +
      'answering the four vendor endpoints with fixed, spec-shaped bodies taken from our sandboxes ' +
      '(`@x/<vendor>/testing`) and checking the auth header. Body sizes: ' +
      Object.entries(results.bodyBytes)
        .map(([endpoint, bytes]) => `${endpoint} ${formatInteger(bytes)} B`)
        .join('; ') +
      '. The Browser Use body is a finished TaskView with 6 steps; BrowserAI is a finalized task and its 5 results.',
    '- **Clients**: raw global `fetch` (+ `response.json()`), `undici.request` (+ `body.json()`, the practical floor), ' +
      'our providers with default settings (60 s timeout, 2 retries), `browser-use-sdk` `tasks.get` ' +
      '(`new BrowserUse({ apiKey, baseUrl, timeout: 60_000, maxRetries: 2 })`) and `anchorbrowser` ' +
      '`task.retrieveExecutionResult(executionId, { taskId }, { timeout: 60_000, maxRetries: 2 })` (per call: it ignores ' +
      "the constructor's for this method). BrowserAI has no official Node SDK: a `getTask` of a finished task reads the " +
      "task and then its results, so the raw clients make the same two requests in a row. Each client's first answer is " +
      'checked before timing.',
    `- **Latency and throughput**: all ${TARGETS.length} clients in one process. Warm-up: ${s.warmupSequential} sequential calls ` +
      `and ${formatInteger(s.warmupConcurrent)} calls with ${s.inFlight} in flight per client. Then ${s.rounds} rounds; each round runs every ` +
      `client (rotating order, so drift and GC debt hit all alike) for ${s.sequentialPerRound} sequential calls (latency) and ` +
      `${formatInteger(s.concurrentPerRound)} calls with ${s.inFlight} in flight (throughput). Latency percentiles over ` +
      `${formatInteger(s.rounds * s.sequentialPerRound)} calls per client; throughput = all concurrent calls / their wall time.`,
    `- **Peak RSS**: one fresh child process per client that loads only that client, warms up (100 calls), then makes ` +
      `${formatInteger(r.callsPerChild)} calls with ${r.inFlight} in flight; peak = the process's max RSS (getrusage). ` +
      `Median of ${r.repetitions} repetitions (clients in turn); compared with the raw-\`fetch\` child of the same vendor.`,
    `- **Cold start**: wall time of \`node --input-type=module -e "import '<pkg>'"\` (ESM) and \`node -e "require('<pkg>')"\` ` +
      `(CJS), ${results.coldStart.runs} runs of every command in turns after one warm-up run each, median, minus the median of ` +
      'the same command importing nothing.',
    '- **Footprint**: our packages are packed with `pnpm pack` (workspace ranges become real ones); a fresh project runs ' +
      '`npm install --offline <@x/core tarball> <provider tarball>` (no registry needed: no outside dependency); bytes = ' +
      "every regular file under `node_modules` except npm's `.package-lock.json`. The official SDKs are installed the " +
      'same way from the npm registry. Bundle: esbuild (platform node, ESM, minify, tree-shaking) of a program that ' +
      'creates the client and reads one task, resolved from that project; gzip level 9 (zlib).',
    `- **Polling at scale**: ${formatInteger(p.tasks)} tasks (a third per vendor) scripted in the three sandboxes, all ` +
      `in one child process; another child process watches them all at once with \`createTaskClient({ providers, concurrency: ${p.concurrency} })\`` +
      `\`.watch(refs, { intervalMs: ${p.intervalMs}, maxIntervalMs: ${p.maxIntervalMs} })\`. Time is scaled down 10x from ` +
      'the defaults (2 s / 30 s) so the run is short: ' +
      `each task has ${p.steps} steps, ${p.stepMsMin}–${p.stepMsMax} ms apart (seeded random), so tasks end after about 1–3.5 s.`,
    '',
  );

  push('## Latency and throughput', '');
  for (const vendor of vendors) {
    const fetchResult = get(`${vendor}/fetch`);
    const rows = TARGETS.filter((target) => target.vendor === vendor).map((target) => {
      const result = get(target.id);
      const rounds = result.throughputRounds;
      return [
        target.label,
        formatMs(result.p50),
        formatMs(result.p90),
        formatMs(result.p99),
        formatRatio(result.p50 / fetchResult.p50),
        formatInteger(result.throughput),
        formatRatio(result.throughput / fetchResult.throughput),
        `${formatInteger(Math.min(...rounds))}–${formatInteger(Math.max(...rounds))}`,
      ];
    });
    push(
      `### ${VENDOR_TITLES[vendor]}`,
      '',
      table(
        [
          'client',
          'p50',
          'p90',
          'p99',
          'p50 vs fetch',
          'calls/s (100 in flight)',
          'vs fetch',
          'calls/s per round',
        ],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
    );
  }
  push(
    '### Where the time goes: CPU per call with the network taken out',
    '',
    `Each provider gets a \`fetch\` that answers the same bodies from memory (${formatInteger(results.overhead.iterations)} ` +
      'calls, median of 3 blocks); the floor is a bare `new Response(body).json()` per request. The difference is the ' +
      'work of our layer: per-call option checks, key lookup, headers, a timeout timer and abort listener per attempt, ' +
      'a size-capped body read, key redaction, `JSON.parse`, the shape guard and the normalization into a `Task`.',
    '',
    table(
      ['provider', 'bare `Response.json()`', 'our `getTask`', 'added per call', 'raw `fetch` p50 (loopback)'],
      vendors.map((vendor) => {
        const cost = overhead.get(vendor)!;
        return [
          VENDOR_TITLES[vendor],
          `${Math.round(cost.bareMicros)} µs`,
          `${Math.round(cost.oursMicros)} µs`,
          `${Math.round(cost.oursMicros - cost.bareMicros)} µs`,
          formatMs(get(`${vendor}/fetch`).p50),
        ];
      }),
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
  );

  push('## Peak RSS under load', '');
  push(
    table(
      ['vendor', 'client', 'peak RSS (median)', 'vs raw fetch', 'samples'],
      TARGETS.map((target) => {
        const result = rss.get(target.id)!;
        const base = rss.get(`${target.vendor}/fetch`)!.peakRss;
        const delta = result.peakRss - base;
        return [
          VENDOR_TITLES[target.vendor],
          target.label,
          formatBytes(result.peakRss),
          target.kind === 'fetch' ? '—' : `${delta >= 0 ? '+' : ''}${formatBytes(delta)}`,
          result.samples.map((sample) => formatBytes(sample)).join(', '),
        ];
      }),
      ['l', 'l', 'r', 'r', 'l'],
    ),
    '',
  );

  push('## Cold start (import cost)', '');
  push(
    `A bare \`node\` takes ${results.coldStart.bareEsmMs.toFixed(1)} ms (ESM) and ${results.coldStart.bareCjsMs.toFixed(1)} ms (CJS) here.`,
    '',
    table(
      ['package', 'ESM import', 'CJS require', 'ESM process (raw)', 'CJS process (raw)'],
      results.coldStart.results.map((result) => [
        `\`${result.packageName}\``,
        formatMs(result.esmMs, 1),
        formatMs(result.cjsMs, 1),
        formatMs(result.esmRawMs, 1),
        formatMs(result.cjsRawMs, 1),
      ]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
  );

  push('## Footprint', '');
  const sdkRows = results.footprint.sdks.map((sdk) => [
    `\`${sdk.name}@${sdk.version}\``,
    sdk.installed ? formatBytes(sdk.installed.bytes) : `n/a (${sdk.installError})`,
    sdk.installed ? String(sdk.installed.packages.length) : 'n/a',
    sdk.bundle ? formatBytes(sdk.bundle.minBytes) : `n/a (${sdk.bundleError ?? sdk.installError})`,
    sdk.bundle ? formatBytes(sdk.bundle.gzipBytes) : 'n/a',
  ]);
  push(
    table(
      ['install', 'bytes in node_modules', 'packages', 'getTask bundle, minified', 'min+gz'],
      [
        ...PROVIDERS.map((provider) => {
          const item = footprint.get(provider.name)!;
          return [
            `\`${provider.name}\` (+ \`@x/core\`)`,
            formatBytes(item.installed.bytes),
            String(item.installed.packages.length),
            formatBytes(item.bundle.minBytes),
            formatBytes(item.bundle.gzipBytes),
          ];
        }),
        ...sdkRows,
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  for (const sdk of results.footprint.sdks) {
    if (!sdk.installed) continue;
    push(
      `- \`${sdk.name}\` brings: ${sdk.installed.packages
        .map((entry) => `${entry.name}@${entry.version} ${formatBytes(entry.bytes)}`)
        .join(', ')}.`,
    );
  }
  const coreInstall = footprint
    .get(PROVIDERS[0].name)!
    .installed.packages.find((entry) => entry.name === '@x/core');
  push(
    `- What our installs are made of (${PROVIDERS.map((provider) => {
      const item = footprint.get(provider.name)!;
      const own = item.installed.packages.find((entry) => entry.name === provider.name);
      return `${provider.name} ${formatBytes(own?.bytes ?? Number.NaN)}`;
    }).join(', ')}; \`@x/core\` ${formatBytes(coreInstall?.bytes ?? Number.NaN)}), by kind of file for ` +
      `\`${PROVIDERS[0].name}\` + \`@x/core\`: ${Object.entries(
        footprint.get(PROVIDERS[0].name)!.installed.byKind,
      )
        .filter(([, bytes]) => bytes > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`)
        .join(', ')}.`,
    '',
  );

  const poll = results.polling;
  push(
    '## Polling at scale',
    '',
    table(
      ['measure', 'value'],
      [
        ['tasks watched at once', formatInteger(p.tasks)],
        [
          'requests made',
          `${formatInteger(poll.requests)} (${Object.entries(poll.requestsByVendor)
            .map(([vendor, count]) => `${VENDOR_TITLES[vendor as Vendor]} ${formatInteger(count)}`)
            .join(', ')})`,
        ],
        [
          'minimum needed to see every change',
          `${formatInteger(poll.minimumRequests)} (one read per visible state, + BrowserAI's results read) → made ${formatRatio(poll.requests / poll.minimumRequests)}`,
        ],
        ['minimum to learn only each end', formatInteger(poll.endOnlyRequests)],
        [
          'changes reported / changes that happened',
          `${formatInteger(poll.updatesSeen)} / ${formatInteger(poll.updatesExpected)}`,
        ],
        ['time from end to detection, p50', formatMs(poll.lagP50, 0)],
        ['time from end to detection, p99', formatMs(poll.lagP99, 0)],
        [
          'time from end to detection, min / max',
          `${formatMs(poll.lagMin, 0)} / ${formatMs(poll.lagMax, 0)}`,
        ],
        ['ends never detected', formatInteger(poll.undetected)],
        [
          'final statuses',
          Object.entries(poll.statuses)
            .map(([status, count]) => `${status} ${count}`)
            .join(', '),
        ],
        ['errors', poll.errorCount === 0 ? 'none' : `${poll.errorCount}: ${poll.errors.join('; ')}`],
        [
          'peak RSS of the watching process',
          `${formatBytes(poll.peakRss)} (${formatBytes(poll.rssBefore)} before the watch)`,
        ],
        ['wall time of the watch', formatMs(poll.wallMs, 0)],
      ],
    ),
    '',
    `A watch that polls each task every ${p.intervalMs} ms (growing 1.5x while nothing changes, reset on a change) ` +
      'makes more requests than the minimum by design: it cannot know when the next change comes. With ' +
      `\`concurrency: ${p.concurrency}\` (the default) at most ${p.concurrency} requests are in flight across all tasks, so ` +
      'polls queue behind each other and the detection time includes that queue.',
    '',
  );

  push(
    '## Machine and versions',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${results.machine.cpu}`],
        ['cores', String(results.machine.cores)],
        ['memory', results.machine.memory],
        ['Node.js', results.machine.node],
        ['OS', results.machine.os],
        ...Object.entries(results.versions).map(([name, version]) => [`\`${name}\``, version]),
      ],
    ),
    '',
    'Official SDKs compared: ' +
      OFFICIAL_SDKS.map((sdk) => `\`${sdk.name}@${results.versions[sdk.name]}\``).join(', ') +
      ' (the newest releases that load on Node 20 at the time of writing).',
    '',
    '## Reproduce',
    '',
    '```sh',
    'pnpm install',
    'pnpm bench        # builds @x/* and apps/bench (turbo), then runs apps/bench: about 3 minutes on 2 cores',
    'bash scripts/ci-checks/budgets.sh   # only the deterministic budgets, as CI runs them (< 60 s)',
    '```',
    '',
    'The raw numbers of the last run are in `apps/bench/.results/latest.json` (not committed). Numbers move from run ' +
      'to run by a few percent (see the per-round spread); the ratios, measured in the same run, move less.',
    '',
  );
  return lines.join('\n');
}
