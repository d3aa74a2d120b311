import { performance } from 'node:perf_hooks';
import { BENCH_API_KEY, type BodyServerInfo, baseURLs } from './bench-setup';
import { median } from './stats';
import type { Vendor } from './targets';

export interface OverheadResult {
  vendor: Vendor;
  /** µs per call: `new Response(body)` + `.json()` for each request of the call (the floor). */
  bareMicros: number;
  /** µs per call: our provider's `getTask` with a `fetch` that answers the same bodies from memory. */
  oursMicros: number;
}

type FakeFetch = (input: string | URL | Request) => Promise<Response>;

/**
 * CPU cost of our code per call with the network taken out: the provider gets an injected `fetch`
 * that answers the benchmark's bodies from memory, against a bare `Response.json()` per request.
 * The difference is what our layer (settings, headers, timeout timer, body read, validation,
 * redaction, normalization) adds to each call; it explains the latency and throughput ratios.
 */
export async function measureOverhead(info: BodyServerInfo, iterations: number): Promise<OverheadResult[]> {
  const urls = baseURLs(info.origin);
  const { ids } = info;
  const bodyCache = new Map<string, ArrayBuffer>();
  const load = async (url: string, headers: Record<string, string>) => {
    const response = await fetch(url, { headers });
    bodyCache.set(new URL(url).pathname, await response.arrayBuffer());
  };
  const buHeaders = { 'x-browser-use-api-key': BENCH_API_KEY };
  const anchorHeaders = { 'anchor-api-key': BENCH_API_KEY };
  const aiHeaders = { authorization: `apikey ${BENCH_API_KEY}` };
  await load(`${urls.browserUse}/tasks/${ids.browserUseTaskId}`, buHeaders);
  await load(`${urls.anchor}/v1/task/${ids.anchorTaskId}/executions/${ids.anchorExecutionId}`, anchorHeaders);
  await load(`${urls.browserAI}/tasks/${ids.browserAISessionId}`, aiHeaders);
  await load(`${urls.browserAI}/results/${ids.browserAISessionId}`, aiHeaders);
  const fakeFetch: FakeFetch = async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = bodyCache.get(new URL(url).pathname);
    if (!body) return new Response('{"detail":"Not found"}', { status: 404 });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const bare = (paths: string[]) => async () => {
    for (const path of paths) await (await fakeFetch(`http://x${path}`)).json();
  };

  const { createBrowserUse } = await import('@x/browser-use');
  const { createAnchor } = await import('@x/anchor');
  const { createBrowserAI } = await import('@x/browserai');
  const settings = { apiKey: BENCH_API_KEY, fetch: fakeFetch };
  const browserUse = createBrowserUse({ ...settings, baseURL: urls.browserUse });
  const anchor = createAnchor({ ...settings, baseURL: urls.anchor });
  const browserAI = createBrowserAI({ ...settings, baseURL: urls.browserAI });
  const anchorRef = { taskId: ids.anchorTaskId, executionId: ids.anchorExecutionId };
  const path = (url: string) => new URL(url).pathname;

  const cases: Array<{ vendor: Vendor; bare: () => Promise<void>; ours: () => Promise<unknown> }> = [
    {
      vendor: 'browser-use',
      bare: bare([path(`${urls.browserUse}/tasks/${ids.browserUseTaskId}`)]),
      ours: () => browserUse.getTask(ids.browserUseTaskId),
    },
    {
      vendor: 'anchor',
      bare: bare([path(`${urls.anchor}/v1/task/${ids.anchorTaskId}/executions/${ids.anchorExecutionId}`)]),
      ours: () => anchor.getTask(anchorRef),
    },
    {
      vendor: 'browserai',
      bare: bare([
        path(`${urls.browserAI}/tasks/${ids.browserAISessionId}`),
        path(`${urls.browserAI}/results/${ids.browserAISessionId}`),
      ]),
      ours: () => browserAI.getTask(ids.browserAISessionId),
    },
  ];
  const time = async (call: () => Promise<unknown>) => {
    const start = performance.now();
    for (let index = 0; index < iterations; index++) await call();
    return ((performance.now() - start) * 1000) / iterations;
  };
  const results: OverheadResult[] = [];
  for (const item of cases) {
    await time(item.bare);
    await time(item.ours);
    const bareRuns: number[] = [];
    const oursRuns: number[] = [];
    for (let round = 0; round < 3; round++) {
      bareRuns.push(await time(item.bare));
      oursRuns.push(await time(item.ours));
    }
    results.push({ vendor: item.vendor, bareMicros: median(bareRuns), oursMicros: median(oursRuns) });
  }
  return results;
}
