import { BENCH_API_KEY, type BodyServerInfo, baseURLs } from './bench-setup';

export type Vendor = 'browser-use' | 'anchor' | 'browserai';
/**
 * `fetch-timeout` is raw `fetch` with nothing but a timeout per request (an `AbortController` and a
 * timer, cleared after the body): the floor of any client that can time a request out, ours included.
 */
export type TargetKind = 'fetch' | 'fetch-timeout' | 'undici' | 'ours' | 'sdk';

/** One way of reading one vendor's task, measured side by side with the others. */
export interface Target {
  /** `<vendor>/<kind>`, e.g. `anchor/sdk`. */
  id: string;
  vendor: Vendor;
  kind: TargetKind;
  /** How the report names it. */
  label: string;
  /** HTTP requests one call makes (BrowserAI reads the task, then its results). */
  requestsPerCall: number;
  /**
   * Loads the client (lazily: a child process measuring one target loads only that client) and
   * returns one call. The first call's answer is checked, so an error page is never timed.
   */
  create(info: BodyServerInfo): Promise<() => Promise<unknown>>;
}

// Per-call settings for the official Anchor SDK: it ignores the constructor's timeout and retries for
// this method, so they are passed on each call, equal to ours (60 s, 2 retries).
const SDK_REQUEST_OPTIONS = { timeout: 60_000, maxRetries: 2 };

const jsonHeaders = (auth: Record<string, string>) => ({ accept: 'application/json', ...auth });

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark target check failed: ${what}`);
}

async function rawFetchJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json();
}

/** Raw `fetch` plus the one thing every careful client adds: a timeout that covers headers and body. */
async function timedFetchJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

async function loadUndiciGetJson() {
  const { Agent, request } = await import('undici');
  // Its own Agent: the global dispatcher may be the one Node's built-in undici (behind global `fetch`)
  // installed, and `request` would then run on that older connection layer, not the version we name.
  const dispatcher = new Agent();
  return async (url: string, headers: Record<string, string>): Promise<unknown> => {
    const { statusCode, body } = await request(url, { headers, dispatcher });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`HTTP ${statusCode} from ${url}`);
    }
    return body.json();
  };
}

type Field = Record<string, unknown>;
const field = (value: unknown, name: string): unknown => (value as Field | undefined)?.[name];

/** Wraps a call: runs it once, checks the answer, and returns the call. */
async function checked<T>(call: () => Promise<T>, check: (value: T) => boolean, what: string) {
  expect(check(await call()), what);
  return call;
}

function browserUse(info: BodyServerInfo) {
  const url = `${baseURLs(info.origin).browserUse}/tasks/${info.ids.browserUseTaskId}`;
  return { url, headers: jsonHeaders({ 'x-browser-use-api-key': BENCH_API_KEY }) };
}
function anchor(info: BodyServerInfo) {
  const { anchorTaskId, anchorExecutionId } = info.ids;
  const url = `${baseURLs(info.origin).anchor}/v1/task/${anchorTaskId}/executions/${anchorExecutionId}`;
  return { url, headers: jsonHeaders({ 'anchor-api-key': BENCH_API_KEY }) };
}
function browserAI(info: BodyServerInfo) {
  const base = baseURLs(info.origin).browserAI;
  const id = info.ids.browserAISessionId;
  return {
    taskURL: `${base}/tasks/${id}`,
    resultsURL: `${base}/results/${id}`,
    headers: jsonHeaders({ authorization: `apikey ${BENCH_API_KEY}` }),
  };
}

const finishedView = (body: unknown) => field(body, 'status') === 'finished';
const anchorSuccess = (body: unknown) => field(field(body, 'data'), 'status') === 'success';

export const TARGETS: readonly Target[] = [
  {
    id: 'browser-use/fetch',
    vendor: 'browser-use',
    kind: 'fetch',
    label: 'raw `fetch`',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = browserUse(info);
      return checked(() => rawFetchJson(url, headers), finishedView, 'Browser Use via fetch');
    },
  },
  {
    id: 'browser-use/fetch-timeout',
    vendor: 'browser-use',
    kind: 'fetch-timeout',
    label: 'raw `fetch` + timeout signal',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = browserUse(info);
      return checked(() => timedFetchJson(url, headers), finishedView, 'Browser Use via fetch + timeout');
    },
  },
  {
    id: 'browser-use/undici',
    vendor: 'browser-use',
    kind: 'undici',
    label: '`undici.request`',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = browserUse(info);
      const getJson = await loadUndiciGetJson();
      return checked(() => getJson(url, headers), finishedView, 'Browser Use via undici');
    },
  },
  {
    id: 'browser-use/ours',
    vendor: 'browser-use',
    kind: 'ours',
    label: '`@x/browser-use` `getTask`',
    requestsPerCall: 1,
    async create(info) {
      const { createBrowserUse } = await import('@x/browser-use');
      const provider = createBrowserUse({ apiKey: BENCH_API_KEY, baseURL: baseURLs(info.origin).browserUse });
      const id = info.ids.browserUseTaskId;
      return checked(
        () => provider.getTask(id),
        (task) => task.status === 'succeeded' && task.steps.length === 6,
        '@x/browser-use getTask',
      );
    },
  },
  {
    id: 'browser-use/sdk',
    vendor: 'browser-use',
    kind: 'sdk',
    label: '`browser-use-sdk` `tasks.get`',
    requestsPerCall: 1,
    async create(info) {
      const { BrowserUse } = await import('browser-use-sdk');
      const client = new BrowserUse({
        apiKey: BENCH_API_KEY,
        baseUrl: baseURLs(info.origin).browserUse,
        timeout: 60_000,
        maxRetries: 2,
      });
      const id = info.ids.browserUseTaskId;
      return checked(() => client.tasks.get(id), finishedView, 'browser-use-sdk tasks.get');
    },
  },
  {
    id: 'anchor/fetch',
    vendor: 'anchor',
    kind: 'fetch',
    label: 'raw `fetch`',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = anchor(info);
      return checked(() => rawFetchJson(url, headers), anchorSuccess, 'Anchor via fetch');
    },
  },
  {
    id: 'anchor/fetch-timeout',
    vendor: 'anchor',
    kind: 'fetch-timeout',
    label: 'raw `fetch` + timeout signal',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = anchor(info);
      return checked(() => timedFetchJson(url, headers), anchorSuccess, 'Anchor via fetch + timeout');
    },
  },
  {
    id: 'anchor/undici',
    vendor: 'anchor',
    kind: 'undici',
    label: '`undici.request`',
    requestsPerCall: 1,
    async create(info) {
      const { url, headers } = anchor(info);
      const getJson = await loadUndiciGetJson();
      return checked(() => getJson(url, headers), anchorSuccess, 'Anchor via undici');
    },
  },
  {
    id: 'anchor/ours',
    vendor: 'anchor',
    kind: 'ours',
    label: '`@x/anchor` `getTask`',
    requestsPerCall: 1,
    async create(info) {
      const { createAnchor } = await import('@x/anchor');
      const provider = createAnchor({ apiKey: BENCH_API_KEY, baseURL: baseURLs(info.origin).anchor });
      const ref = { taskId: info.ids.anchorTaskId, executionId: info.ids.anchorExecutionId };
      return checked(
        () => provider.getTask(ref),
        (task) => task.status === 'succeeded',
        '@x/anchor getTask',
      );
    },
  },
  {
    id: 'anchor/sdk',
    vendor: 'anchor',
    kind: 'sdk',
    label: '`anchorbrowser` `task.retrieveExecutionResult`',
    requestsPerCall: 1,
    async create(info) {
      const { default: Anchorbrowser } = await import('anchorbrowser');
      const client = new Anchorbrowser({ apiKey: BENCH_API_KEY, baseURL: baseURLs(info.origin).anchor });
      const { anchorTaskId: taskId, anchorExecutionId } = info.ids;
      return checked(
        () => client.task.retrieveExecutionResult(anchorExecutionId, { taskId }, SDK_REQUEST_OPTIONS),
        anchorSuccess,
        'anchorbrowser task.retrieveExecutionResult',
      );
    },
  },
  {
    id: 'browserai/fetch',
    vendor: 'browserai',
    kind: 'fetch',
    label: 'raw `fetch` (task, then results)',
    requestsPerCall: 2,
    async create(info) {
      const { taskURL, resultsURL, headers } = browserAI(info);
      return checked(
        async () => [await rawFetchJson(taskURL, headers), await rawFetchJson(resultsURL, headers)],
        ([task]) => field(task, 'status') === 'finalized',
        'BrowserAI via fetch',
      );
    },
  },
  {
    id: 'browserai/fetch-timeout',
    vendor: 'browserai',
    kind: 'fetch-timeout',
    label: 'raw `fetch` + timeout signal (task, then results)',
    requestsPerCall: 2,
    async create(info) {
      const { taskURL, resultsURL, headers } = browserAI(info);
      return checked(
        async () => [await timedFetchJson(taskURL, headers), await timedFetchJson(resultsURL, headers)],
        ([task]) => field(task, 'status') === 'finalized',
        'BrowserAI via fetch + timeout',
      );
    },
  },
  {
    id: 'browserai/undici',
    vendor: 'browserai',
    kind: 'undici',
    label: '`undici.request` (task, then results)',
    requestsPerCall: 2,
    async create(info) {
      const { taskURL, resultsURL, headers } = browserAI(info);
      const getJson = await loadUndiciGetJson();
      return checked(
        async () => [await getJson(taskURL, headers), await getJson(resultsURL, headers)],
        ([task]) => field(task, 'status') === 'finalized',
        'BrowserAI via undici',
      );
    },
  },
  {
    id: 'browserai/ours',
    vendor: 'browserai',
    kind: 'ours',
    label: '`@x/browserai` `getTask` (task, then results)',
    requestsPerCall: 2,
    async create(info) {
      const { createBrowserAI } = await import('@x/browserai');
      const provider = createBrowserAI({ apiKey: BENCH_API_KEY, baseURL: baseURLs(info.origin).browserAI });
      const id = info.ids.browserAISessionId;
      return checked(
        () => provider.getTask(id),
        (task) => task.status === 'succeeded' && task.steps.length > 0,
        '@x/browserai getTask',
      );
    },
  },
];

export function findTarget(id: string): Target {
  const target = TARGETS.find((candidate) => candidate.id === id);
  if (!target) throw new Error(`unknown target ${id}`);
  return target;
}
