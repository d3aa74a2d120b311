import type { ProviderSettings } from '../http/http-client-settings';
import type { TaskProvider } from '../task/task-provider';
import type { TaskStatus } from '../task/task-status';
import type { TestServer } from '../testing/test-server-types';

/** The test functions of the caller's runner (vitest, jest, node:test): the kit brings no runner. */
export interface ConformanceHarness {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void> | void, timeoutMs?: number): void;
  beforeAll(body: () => Promise<void> | void): void;
  afterAll(body: () => Promise<void> | void): void;
}

/** What the kit needs from a provider's sandbox (every `@x/<vendor>/testing` sandbox has it). */
export interface ConformanceSandbox<Ref> {
  readonly baseURL: string;
  readonly apiKey: string;
  readonly server: TestServer;
  /**
   * Creates a scripted task that ends as `outcome`. Typed with `'succeeded'` so that any sandbox fits; the
   * kit also passes each end listed in `ConformanceOptions.outcomes`.
   */
  createTask(options?: { outcome?: 'succeeded'; steps?: number; stepMs?: number }): Ref;
  close(): Promise<void>;
}

/** One error answer the vendor documents, and the error class and text it must become. */
export interface ConformanceErrorCase {
  status: number;
  body: unknown;
  /** E.g. `'NotFoundError'`. */
  errorClass: string;
  /** The vendor's words the one-line message must contain. */
  messageIncludes: string;
  /** The wait hint the error must carry, when the answer gives one (in the body, say). Default: not checked. */
  retryAfterMs?: number | undefined;
}

/** Everything the kit needs to know about a provider. */
export interface ConformanceOptions<Ref> {
  /** E.g. `'anchor'`. */
  name: string;
  /** Builds the provider under test from `apiKey`, `baseURL`, `maxRetries`, `timeoutMs`. */
  createProvider(settings: ProviderSettings): TaskProvider<Ref, unknown>;
  createSandbox(): Promise<ConformanceSandbox<Ref>>;
  /** The environment variables the provider reads. */
  apiKeyEnvironmentVariable: string;
  baseURLEnvironmentVariable: string;
  /** The provider's status mapper and its full table of known vendor words. */
  mapStatus(word: string | null | undefined): TaskStatus;
  statusTable: ReadonlyArray<readonly [vendorWord: string, status: TaskStatus]>;
  /** A spec-shaped 200 body of the endpoint `getTask` reads first, with status `word` (served through a fault). */
  bodyWithStatus(word: string): unknown;
  /** The same for the endpoint `pollTask` reads, when the provider has one. Default: `pollTask` is not probed. */
  pollBodyWithStatus?: ((word: string) => unknown) | undefined;
  /**
   * The ends the sandbox can script (`createTask({ outcome })`), each followed to its end with
   * `waitForTask` and checked: status, output on success, error on failure, dates. Default: `['succeeded']`.
   */
  outcomes?: readonly TaskStatus[] | undefined;
  /** Whether the provider's tasks carry steps (a scripted task's steps must then reach `task.steps`). Default: true. */
  reportsSteps?: boolean | undefined;
  /** The vendor's documented error answers. */
  errorCases: readonly ConformanceErrorCase[];
  /** String references `parseRef` must reject with `InvalidArgumentError`. */
  invalidStringRefs: readonly string[];
  /** Typed references `getTask` must reject before any request (ids with `/`, `..`, CR/LF, ...). */
  invalidRefs: readonly Ref[];
  /**
   * Calls of the provider's own vendor endpoints (`provider.api.*`) with ids that could escape their path
   * (`..`, `a/b`, CR/LF): each must reject with `InvalidArgumentError` before any request. Default: none.
   */
  apiCallsWithBadIds?:
    | ((provider: TaskProvider<Ref, unknown>) => ReadonlyArray<() => Promise<unknown>>)
    | undefined;
}
