// The soak, run by test/soak.test.ts in a child process on the BUILT packages (dist/), as a user's
// process would load them: `calls` getTask calls, `concurrency` in flight, against the vendor's sandbox
// injecting a fault into 5 % of the requests (seeded). Prints one line `SOAK_RESULT <json>` once the
// sandbox is closed, then must exit by itself: it never calls process.exit, so a leaked timer or socket
// shows up as a process that does not end.
//
//   node --expose-gc scripts/soak.mjs <browser-use|anchor|browserai> [calls] [concurrency] [seed]

const [name = 'browser-use', callsArg = '10000', concurrencyArg = '50', seedArg = '1'] =
  process.argv.slice(2);
const CALLS = Number(callsArg);
const CONCURRENCY = Number(concurrencyArg);
const SEED = Number(seedArg);
const FAULT_RATE = 0.05;
const FAULT_KINDS = 4;
// Four faults queued one after the other, each rolled in turn: together they hit 5 % of the requests.
const PER_KIND = 1 - (1 - FAULT_RATE) ** (1 / FAULT_KINDS);
const MAX_RETRIES = 5;
const WARM_UP_CALLS = Math.min(2_000, Math.floor(CALLS / 5));
const SAMPLE_EVERY = 200;
const STATUSES = new Set([
  'queued',
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'unknown',
]);

/** mulberry32: a small seeded generator, so the same requests fail on every run (as far as timing allows). */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PROVIDERS = {
  'browser-use': async () => {
    const { createBrowserUse } = await import('@x/browser-use');
    const { createBrowserUseSandbox } = await import('@x/browser-use/testing');
    return {
      create: createBrowserUse,
      createSandbox: createBrowserUseSandbox,
      refs: (sandbox) => [
        ...Array.from({ length: 12 }, () => sandbox.createTask({ stepMs: 600_000 })),
        ...Array.from({ length: 4 }, () => sandbox.createTask({ steps: 2, stepMs: 5 })),
      ],
    };
  },
  anchor: async () => {
    const { createAnchor } = await import('@x/anchor');
    const { createAnchorSandbox } = await import('@x/anchor/testing');
    return {
      create: createAnchor,
      createSandbox: createAnchorSandbox,
      refs: (sandbox) => [
        ...Array.from({ length: 6 }, () => sandbox.createTask({ stepMs: 600_000 })),
        ...Array.from({ length: 6 }, () => sandbox.createTask({ api: 'v2', stepMs: 600_000 })),
        ...Array.from({ length: 4 }, () => sandbox.createTask({ steps: 2, stepMs: 5 })),
      ],
    };
  },
  browserai: async () => {
    const { createBrowserAI } = await import('@x/browserai');
    const { createBrowserAISandbox } = await import('@x/browserai/testing');
    return {
      create: createBrowserAI,
      createSandbox: createBrowserAISandbox,
      // Finished tasks read two endpoints (metadata, then results): both may fail.
      refs: (sandbox) => [
        ...Array.from({ length: 12 }, () => sandbox.createTask({ stepMs: 600_000 })),
        ...Array.from({ length: 4 }, () => sandbox.createTask({ steps: 2, stepMs: 5 })),
      ],
    };
  },
};

async function main() {
  const load = PROVIDERS[name];
  if (!load)
    throw new Error(`unknown provider ${name}; expected one of ${Object.keys(PROVIDERS).join(', ')}`);
  const { XError } = await import('@x/core');
  const vendor = await load();

  const random = seeded(SEED);
  let faultsInjected = 0;
  const countingRandom = () => {
    const value = random();
    if (value < PER_KIND) faultsInjected++;
    return value;
  };
  const sandbox = await vendor.createSandbox({ random: countingRandom });
  const forever = Number.POSITIVE_INFINITY;
  sandbox.injectFault({
    probability: PER_KIND,
    times: forever,
    status: 503,
    body: { error: 'Service Unavailable' },
  });
  sandbox.injectFault({ probability: PER_KIND, times: forever, reset: true });
  sandbox.injectFault({
    probability: PER_KIND,
    times: forever,
    status: 429,
    body: { error: 'Too many requests' },
    headers: { 'retry-after': '0' },
  });
  sandbox.injectFault({ probability: PER_KIND, times: forever, truncateAfterBytes: 10 });

  const provider = vendor.create({
    apiKey: sandbox.apiKey,
    baseURL: sandbox.baseURL,
    maxRetries: MAX_RETRIES,
    maxRetryDelayMs: 1,
    timeoutMs: 30_000,
  });
  const refs = vendor.refs(sandbox);
  const gc = globalThis.gc;

  let next = 0;
  let done = 0;
  let requests = 0;
  let succeeded = 0;
  let failed = 0;
  const failures = {};
  const rssSamples = [];
  const started = performance.now();

  async function worker() {
    for (;;) {
      const index = next++;
      if (index >= CALLS) return;
      try {
        const task = await provider.getTask(refs[index % refs.length]);
        if (typeof task.id === 'string' && STATUSES.has(task.status) && Array.isArray(task.steps))
          succeeded++;
        else {
          failed++;
          failures['invalid task'] = (failures['invalid task'] ?? 0) + 1;
        }
      } catch (error) {
        failed++;
        const key = `${XError.isInstance(error) ? error.name : `not an XError: ${error?.constructor?.name}`}: ${error?.message}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
      done++;
      if (done % SAMPLE_EVERY === 0) {
        // The sandbox logs every request; count and drop them, so its log does not grow with the soak.
        requests += sandbox.server.countRequests();
        sandbox.server.clearRequests();
        if (done > WARM_UP_CALLS) {
          gc?.();
          rssSamples.push(process.memoryUsage().rss);
        }
      }
    }
  }

  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const durationMs = Math.round(performance.now() - started);
  requests += sandbox.server.countRequests();
  sandbox.server.clearRequests();
  await sandbox.close();

  const quarter = Math.max(1, Math.floor(rssSamples.length / 4));
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
  };
  const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const result = {
    provider: name,
    calls: CALLS,
    concurrency: CONCURRENCY,
    maxRetries: MAX_RETRIES,
    faultRate: FAULT_RATE,
    seed: SEED,
    succeeded,
    failed,
    failures,
    faultsInjected,
    requests,
    durationMs,
    gcExposed: typeof gc === 'function',
    rssSamples: rssSamples.length,
    rssFirstQuarterMB: mb(median(rssSamples.slice(0, quarter))),
    rssLastQuarterMB: mb(median(rssSamples.slice(-quarter))),
    rssAllMB: rssSamples.map(mb),
  };
  console.log(`SOAK_RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
