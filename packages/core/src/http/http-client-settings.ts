import type { SleepFunction } from './delay';
import type { FetchFunction } from './fetch-function';

/** Options every vendor factory accepts (`createBrowserUse`, `createAnchor`, `createBrowserAI`). */
export interface ProviderSettings {
  /** The API key. Default: the vendor's environment variable (e.g. `ANCHORBROWSER_API_KEY`), read at each call. */
  apiKey?: string | undefined;
  /** The API's base URL. Default: the vendor's `<VENDOR>_BASE_URL` environment variable, else the vendor's URL. */
  baseURL?: string | undefined;
  /** Custom `fetch`, for proxies, middleware or tests. Default: the global `fetch`. */
  fetch?: FetchFunction | undefined;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string> | undefined;
  /** Timeout per attempt in milliseconds, covering headers and body. Default: 60,000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, on connection errors, timeouts, 408, 409, 429 and 5xx. Default: 2. */
  maxRetries?: number | undefined;
  /** Largest response body read, in bytes; a larger one fails with `ResponseTooLargeError`. Default: 16 MiB. */
  maxResponseBytes?: number | undefined;
  /** Longest wait before a retry, server hints included (`Retry-After`). Default: 60,000 ms. */
  maxRetryDelayMs?: number | undefined;
  /** First backoff delay without a server hint; it doubles per retry up to 8 s. Default: 500 ms. */
  initialRetryDelayMs?: number | undefined;
}

/** What a vendor package tells `createHttpClient` about its API, plus the user's `ProviderSettings`. */
export interface HttpClientSettings extends ProviderSettings {
  /** Provider name used in messages, e.g. `'anchor'`. */
  provider: string;
  /** Package name and version for the User-Agent, e.g. `'@x/anchor'`, `'0.1.0'`. */
  packageName: string;
  packageVersion: string;
  /** Environment variable holding the key, e.g. `'ANCHORBROWSER_API_KEY'`. */
  apiKeyEnvironmentVariable: string;
  /** Environment variable holding the base URL, e.g. `'ANCHORBROWSER_BASE_URL'`. */
  baseURLEnvironmentVariable: string;
  /** The vendor's production URL. */
  defaultBaseURL: string;
  /** How the key is sent, e.g. `(key) => ({ 'anchor-api-key': key })`. */
  authHeaders: (apiKey: string) => Record<string, string>;
  /** The vendor's error text from an error body; the generic extractor is used when this returns undefined. */
  extractErrorMessage?: ((body: unknown) => string | undefined) | undefined;
  /** A wait hint in milliseconds found in an error body (e.g. `retry_after_seconds`). */
  retryAfterFromBody?: ((body: unknown) => number | undefined) | undefined;
  /** Test hooks: sleep between retries, jitter source, clock. */
  sleep?: SleepFunction | undefined;
  random?: (() => number) | undefined;
  now?: (() => number) | undefined;
}

/** A parsed JSON answer and what came with it. */
export interface JsonResponse<T> {
  data: T;
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  requestId?: string | undefined;
  url: string;
}
