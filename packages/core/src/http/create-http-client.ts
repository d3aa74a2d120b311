import { APIConnectionError } from '../errors/api-connection-error';
import { APIConnectionTimeoutError } from '../errors/api-connection-timeout-error';
import { APIError } from '../errors/api-error';
import { APIUserAbortError } from '../errors/api-user-abort-error';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { InvalidResponseError } from '../errors/invalid-response-error';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { createAPIError } from '../errors/status-errors';
import type { RequestOptions } from '../task/task-provider';
import { VERSION } from '../version';
import { delay } from './delay';
import { describeValue } from './describe-value';
import { extractErrorMessage } from './extract-error-message';
import type { FetchFunction } from './fetch-function';
import { getRetryDelay } from './get-retry-delay';
import { getRequestId, headersToRecord } from './headers-to-record';
import type { HttpClientSettings, JsonResponse } from './http-client-settings';
import { loadApiKey } from './load-api-key';
import { parseRetryAfter } from './parse-retry-after';
import { BodyTooLargeSignal, readBody } from './read-body';
import { readEnvironment } from './read-environment';
import { REDACTED, redactSecret, redactSecretDeep } from './redact-secret';
import { resolveBaseURL } from './resolve-base-url';
import { toOneLine } from './to-one-line';
import { validateHeaders, validateNumberOption, validateSignal } from './validate-settings';

/** Per-call options of `HttpClient.getJson`. */
export interface GetJsonOptions extends RequestOptions {
  /** Checks the parsed 2xx body; returns what is wrong with it, or undefined when it is fine. */
  validate?: ((data: unknown) => string | undefined) | undefined;
}

/** The JSON GET every provider uses: auth, timeouts, retries, Retry-After, abort, typed errors, redaction. */
export interface HttpClient {
  readonly provider: string;
  /** GET `<baseURL><path>` and parse the JSON answer. `path` must come from `buildPath`. */
  getJson<T>(path: string, options?: GetJsonOptions): Promise<JsonResponse<T>>;
  /** The resolved base URL (reads the environment; throws `InvalidArgumentError` when it is invalid). */
  baseURL(): string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
/** How much of a too-large body is kept on the error. */
const KEPT_BODY_CHARACTERS = 2_000;

/**
 * Creates the HTTP plumbing for one vendor. Settings are checked here (bad ones throw
 * `InvalidArgumentError`); the key and the base URL from the environment are read at each call, so
 * creating a client never fails for a missing key.
 */
export function createHttpClient(settings: HttpClientSettings): HttpClient {
  validateNumberOption(settings.timeoutMs, 'timeoutMs', { min: 1, max: 2_147_483_647 });
  validateNumberOption(settings.maxRetries, 'maxRetries', { min: 0, max: 100, integer: true });
  validateNumberOption(settings.maxResponseBytes, 'maxResponseBytes', { min: 1 });
  validateNumberOption(settings.maxRetryDelayMs, 'maxRetryDelayMs', { min: 0 });
  validateNumberOption(settings.initialRetryDelayMs, 'initialRetryDelayMs', { min: 0 });
  validateHeaders(settings.headers, 'headers');
  if (settings.fetch !== undefined && typeof settings.fetch !== 'function') {
    throw new InvalidArgumentError({
      argument: 'fetch',
      message: `fetch must be a function, got ${describeValue(settings.fetch)}`,
    });
  }
  const provider = settings.provider;
  let resolvedFrom: unknown;
  let resolvedBaseURL = '';
  const baseURL = () => {
    // Resolving parses a URL: done again only when the option or the environment variable changed.
    const from = settings.baseURL ?? readEnvironment(settings.baseURLEnvironmentVariable);
    if (from !== resolvedFrom || !resolvedBaseURL) {
      resolvedBaseURL = resolveBaseURL({
        baseURL: settings.baseURL,
        environmentVariableName: settings.baseURLEnvironmentVariable,
        defaultBaseURL: settings.defaultBaseURL,
      });
      resolvedFrom = from;
    }
    return resolvedBaseURL;
  };
  if (settings.baseURL !== undefined) baseURL(); // an explicit option is checked at once
  const defaultHeaders = {
    accept: 'application/json',
    'user-agent': `${settings.packageName}/${settings.packageVersion} @x/core/${VERSION} node/${globalThis.process?.version ?? 'unknown'}`,
  };
  const headers = lowerCaseNames(settings.headers);
  const sleep = settings.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, signal, provider));
  const now = settings.now ?? Date.now;
  const maxResponseBytes = settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  async function getJson<T>(path: string, options: GetJsonOptions = {}): Promise<JsonResponse<T>> {
    validateNumberOption(options.timeoutMs, 'timeoutMs', { min: 1, max: 2_147_483_647 });
    validateNumberOption(options.maxRetries, 'maxRetries', { min: 0, max: 100, integer: true });
    validateHeaders(options.headers, 'headers');
    validateSignal(options.signal, 'signal');
    const { signal } = options;
    if (signal?.aborted) throw new APIUserAbortError({ provider, cause: signal.reason });
    const apiKey = loadApiKey({
      apiKey: settings.apiKey,
      environmentVariableName: settings.apiKeyEnvironmentVariable,
      provider,
    });
    const url = `${baseURL()}${path}`;
    // Later headers win, whatever the case of their names (`X-Api-Key` replaces `x-api-key`).
    const requestHeaders = Object.assign(
      lowerCaseNames(settings.authHeaders(apiKey), { ...defaultHeaders }),
      headers,
    );
    if (options.headers) lowerCaseNames(options.headers, requestHeaders);
    const maxRetries = options.maxRetries ?? settings.maxRetries ?? DEFAULT_MAX_RETRIES;
    const timeoutMs = options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fetchFunction: FetchFunction = settings.fetch ?? globalThis.fetch;

    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce<T>(url, requestHeaders, timeoutMs, signal, apiKey, fetchFunction, options);
      } catch (error) {
        if (attempt >= maxRetries || !shouldRetry(error)) throw error;
        const hint = APIError.isInstance(error) ? error.retryAfterMs : undefined;
        const wait = getRetryDelay(attempt, hint, {
          maxRetryDelayMs: settings.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
          initialDelayMs: settings.initialRetryDelayMs,
          random: settings.random,
        });
        if (options.deadline !== undefined && now() + wait > options.deadline) throw error;
        await sleep(wait, signal);
        if (signal?.aborted) throw new APIUserAbortError({ provider, cause: signal.reason });
      }
    }
  }

  function attemptOnce<T>(
    url: string,
    requestHeaders: Record<string, string>,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    apiKey: string,
    fetchFunction: FetchFunction,
    options: GetJsonOptions,
  ): Promise<JsonResponse<T>> {
    const controller = new AbortController();
    let timedOut = false;
    let response: Response | undefined;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let cut!: (reason: unknown) => void;
    // Settles as soon as the attempt is cut (timeout or caller abort), even when the injected `fetch`
    // or its body stream ignores the signal: the timeout covers headers and body whatever the fetch.
    const attempt = new Promise<JsonResponse<T>>((resolve, reject) => {
      cut = reject;
      (async () => {
        response = await fetchFunction(url, {
          method: 'GET',
          headers: requestHeaders,
          signal: controller.signal,
          redirect: 'manual',
        });
        let text: string;
        try {
          text = await readBody(response, maxResponseBytes, controller.signal, (bodyReader) => {
            reader = bodyReader;
          });
        } catch (error) {
          // An error answer whose body was cut off, undecodable or too large is still that error: its
          // status decides the class and the retry (a 404 stays a NotFoundError, never retried), and
          // what was read of it is kept. A 2xx, a timeout or an abort fail as before.
          const status = response.status;
          if (controller.signal.aborted || (status >= 200 && status < 300)) throw error;
          const partial = error instanceof BodyTooLargeSignal ? error.partial : '';
          text = redactTrailingPrefix(redactSecret(partial, apiKey), apiKey).slice(0, KEPT_BODY_CHARACTERS);
        }
        return handleResponse<T>(response, text, url, apiKey, options);
      })().then(resolve, reject);
    });
    const stop = (reason?: unknown) => {
      controller.abort(reason);
      reader?.cancel(controller.signal.reason).catch(() => {});
      cut(controller.signal.reason);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    return attempt.then(
      (result) => {
        done();
        return result;
      },
      (error: unknown) => {
        done();
        if (error instanceof BodyTooLargeSignal) {
          const responseHeaders = headersToRecord(response!.headers, apiKey);
          throw new ResponseTooLargeError({
            provider,
            status: response!.status,
            maxResponseBytes,
            url,
            headers: responseHeaders,
            // Redact first, then cut: a cut can never leave part of the key behind.
            body: redactTrailingPrefix(redactSecret(error.partial, apiKey), apiKey).slice(
              0,
              KEPT_BODY_CHARACTERS,
            ),
            requestId: getRequestId(responseHeaders),
          });
        }
        if (signal?.aborted) throw new APIUserAbortError({ provider, cause: signal.reason });
        if (timedOut) throw new APIConnectionTimeoutError({ provider, timeoutMs, url });
        if (APIError.isInstance(error) || InvalidResponseError.isInstance(error)) throw error;
        throw toConnectionError(error, url, apiKey);
      },
    );
  }

  function handleResponse<T>(
    response: Response,
    rawText: string,
    url: string,
    apiKey: string,
    options: GetJsonOptions,
  ): JsonResponse<T> {
    const responseHeaders = headersToRecord(response.headers, apiKey);
    const requestId = getRequestId(responseHeaders);
    const status = response.status;
    if (status >= 200 && status < 300) {
      // A body that parses is handed over as is; only a body kept on an error is redacted.
      const invalid = (message: string, cause?: unknown) =>
        new InvalidResponseError({
          provider,
          message: redactSecret(message, apiKey),
          status,
          url,
          headers: responseHeaders,
          body: redactSecret(rawText, apiKey),
          requestId,
          cause: mentionsSecret(cause, apiKey) ? undefined : cause,
        });
      if (rawText.trim() === '') throw invalid(`expected a JSON body, got an empty body (HTTP ${status})`);
      let data: unknown;
      try {
        data = JSON.parse(rawText);
      } catch {
        // The parser's message quotes the text it choked on, so the cause comes from the redacted text.
        let cause: unknown;
        try {
          JSON.parse(redactSecret(rawText, apiKey));
        } catch (redactedParseError) {
          cause = redactedParseError;
        }
        const type = responseHeaders['content-type'] ?? 'no content-type';
        throw invalid(
          `expected a JSON body, got unparseable text (${type}, ${rawText.length} characters)`,
          cause,
        );
      }
      let problem: string | undefined;
      try {
        problem = options.validate?.(data);
      } catch (cause) {
        // A checker that throws on an unexpected shape still means "not the promised JSON", never a
        // connection error (which would be retried).
        throw invalid(
          `unexpected response: ${cause instanceof Error ? cause.message : String(cause)}`,
          cause,
        );
      }
      if (problem) throw invalid(problem);
      return { data: data as T, status, headers: responseHeaders, requestId, url };
    }
    // Redacted twice: in the text, and in the parsed values, where escapes (`\/`, `\u0041`) the text
    // hid are decoded back into the key.
    const body = redactSecretDeep(parseJsonOrText(redactSecret(rawText, apiKey)), apiKey);
    const vendorMessage =
      status >= 300 && status < 400
        ? toOneLine(
            responseHeaders.location === undefined
              ? `HTTP ${status} without a location, not followed`
              : `redirect to ${responseHeaders.location} not followed`,
          )
        : (vendorErrorMessage(body) ?? extractErrorMessage(body));
    const retryAfterMs = parseRetryAfter(responseHeaders, now()) ?? retryAfterFromBody(body);
    throw createAPIError({
      provider,
      status,
      vendorMessage,
      headers: responseHeaders,
      body,
      url,
      requestId,
      retryAfterMs,
    });
  }

  /** The provider's own reading of an error body, one line; a reader that throws counts as no answer. */
  function vendorErrorMessage(body: unknown): string | undefined {
    try {
      const message = settings.extractErrorMessage?.(body);
      return typeof message === 'string' ? toOneLine(message) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The provider's wait hint from an error body; a reader that throws or answers junk counts as none. */
  function retryAfterFromBody(body: unknown): number | undefined {
    try {
      const hint = settings.retryAfterFromBody?.(body);
      return typeof hint === 'number' && Number.isFinite(hint) && hint >= 0 ? hint : undefined;
    } catch {
      return undefined;
    }
  }

  function toConnectionError(error: unknown, url: string, apiKey: string): APIConnectionError {
    const cause = error as {
      message?: unknown;
      code?: unknown;
      cause?: { message?: unknown; code?: unknown };
    };
    const code = cause?.cause?.code ?? cause?.code;
    const detail = cause?.cause?.message ?? cause?.message;
    const described = [
      typeof code === 'string' ? code : undefined,
      typeof detail === 'string' ? detail : undefined,
    ]
      .filter(Boolean)
      .join(': ');
    const message = redactSecret(
      `${provider}: connection error${described ? ` (${described})` : ''}`,
      apiKey,
    );
    // A cause that quotes the key anywhere (message, stack, nested causes, fields) is replaced.
    const leaks = mentionsSecret(error, apiKey);
    return new APIConnectionError({ provider, url, message, cause: leaks ? new Error(message) : error });
  }

  return {
    provider,
    getJson,
    baseURL,
  };
}

function shouldRetry(error: unknown): boolean {
  if (APIUserAbortError.isInstance(error) || InvalidResponseError.isInstance(error)) return false;
  if (APIError.isInstance(error)) {
    const hint = error.headers['x-should-retry'];
    if (hint === 'true') return true;
    if (hint === 'false') return false;
    return error.isRetryable;
  }
  return APIConnectionError.isInstance(error);
}

/** Copies `source` into `target` with lower-case header names. */
function lowerCaseNames(
  source: Record<string, string> | undefined,
  target: Record<string, string> = {},
): Record<string, string> {
  if (source) for (const name of Object.keys(source)) target[name.toLowerCase()] = source[name]!;
  return target;
}

/**
 * Redacts a start of `secret` left at the very end of `text` (a body cut where reading stopped), so
 * not even its first characters remain. Fragments shorter than 4 characters are left alone.
 */
function redactTrailingPrefix(text: string, secret: string): string {
  if (!secret || secret.length < 4) return text;
  const plain = redactTrailingPlainPrefix(text, secret);
  if (plain !== text) return plain;
  // The start of an encoded key (`%2F`, `&#47;`, `\\/` forms) is too costly to match exactly: when the
  // last stretch a key could span holds an escape, the text is cut before that escape, and what then
  // ends the text is checked again for a plain start of the key (`AbCd` of `AbCd%2F…`).
  const tail = text.slice(-secret.length * 6);
  const firstEscape = tail.search(/[%&\\]/);
  if (firstEscape < 0) return text;
  const cut = text.slice(0, text.length - tail.length + firstEscape);
  const safe = redactTrailingPlainPrefix(cut, secret);
  return safe === cut ? `${cut}…` : safe;
}

/** A plain start of `secret` (4 characters or more) at the very end of `text`, redacted. */
function redactTrailingPlainPrefix(text: string, secret: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length >= 4; length--) {
    if (text.endsWith(secret.slice(0, length))) return `${text.slice(0, text.length - length)}${REDACTED}`;
  }
  return text;
}

/** True when `secret` shows anywhere in `value`: a string, an error's message, stack or causes, any field. */
function mentionsSecret(value: unknown, secret: string, depth = 0, seen = new Set<object>()): boolean {
  if (!secret || secret.length < 4) return false;
  if (typeof value === 'string') return value.includes(secret);
  if (value === null || typeof value !== 'object' || depth > 8 || seen.has(value)) return false;
  seen.add(value);
  if (value instanceof Error) {
    for (const part of [value.message, value.stack, value.cause]) {
      if (mentionsSecret(part, secret, depth + 1, seen)) return true;
    }
  }
  for (const key of Object.keys(value)) {
    if (key.includes(secret)) return true;
    if (mentionsSecret((value as Record<string, unknown>)[key], secret, depth + 1, seen)) return true;
  }
  if (!Array.isArray(value) && typeof (value as { entries?: unknown }).entries === 'function') {
    try {
      let count = 0;
      for (const entry of (value as { entries(): Iterable<unknown> }).entries()) {
        if (count++ > 200) break;
        if (mentionsSecret(entry, secret, depth + 1, seen)) return true;
      }
    } catch {
      // not iterable after all: nothing more to look at
    }
  }
  return false;
}

function parseJsonOrText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}
