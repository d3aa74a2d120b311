// The public types of the test server (`createTestServer`), the building block of the vendor sandboxes.
// One file so the contract can be read in one go; the behaviour lives in the files named after each export.

/** One request as the test server received it, logged before any fault or route runs. */
export interface TestRequest {
  /** Upper-case as sent (`'GET'`). */
  method: string;
  /** Raw path, no query, NOT percent-decoded (`'/tasks/a%2Fb'`). */
  path: string;
  /** Raw request target, query included (`'/tasks/a%2Fb?verbose=1'`). */
  url: string;
  /** Decoded query parameters; a repeated name keeps its last value. */
  query: Record<string, string>;
  /** Names lower-case; a repeated header is joined with `', '`. */
  headers: Record<string, string>;
  /** Arrival time in epoch ms, from the server's `now` (default `Date.now`). */
  receivedAt: number;
}

/** What a route handler receives. */
export interface RouteContext {
  request: TestRequest;
  /** The pattern's `:param` values, each `decodeURIComponent`'d (`/tasks/a%2Fb` gives `{ taskId: 'a/b' }` for `/tasks/:taskId`). */
  params: Record<string, string>;
}

/** An answer, from a route, `notFound` or a fault. */
export interface RouteReply {
  status: number;
  /**
   * A string or `Uint8Array` (Buffer) is sent as is (default content-type `text/plain; charset=utf-8` or
   * `application/octet-stream`); anything else as `JSON.stringify`'d `application/json`; `undefined` as an empty body.
   */
  body?: unknown | undefined;
  /** Extra response headers; they win over the defaults (content-type, content-length). */
  headers?: Record<string, string> | undefined;
}

/** One route. Routes are tried in the order they were added; the first match answers. */
export interface TestRoute {
  /** Compared case-insensitively (`'GET'`). */
  method: string;
  /**
   * A pattern like `/v1/task/:taskId/executions/:executionId`: each `:param` matches exactly one non-empty
   * raw segment (never a `/`), every other segment must equal the raw segment.
   */
  path: string;
  /** Computes the answer. A handler that throws (or rejects) answers 500 `{ error: message }`. */
  handler(context: RouteContext): RouteReply | Promise<RouteReply>;
}

/** Which requests a fault (or `countRequests`) applies to. An empty match matches every request. */
export interface FaultMatch {
  /** Compared case-insensitively. Default: any method. */
  method?: string | undefined;
  /** A route pattern (as `TestRoute.path`) or exact raw path; a RegExp is tested on the raw path (no query). Default: any. */
  path?: string | RegExp | undefined;
}

/**
 * A fault to inject. Faults queue up; each request gets the first fault that matches, has `times` left
 * and wins its `probability` roll (at most one per request). Order of effects: `delayMs`, `reset` (which
 * ends everything), then the reply (the fault's own when `status` or `body` is set, else the route's),
 * shaped by `truncateAfterBytes`, `stallAfterBytes` and `chunkDelayMs`.
 */
export interface Fault {
  /** Default: every request. */
  match?: FaultMatch | undefined;
  /** How many requests it applies to (an integer ≥ 0, or `Infinity`). Default 1. */
  times?: number | undefined;
  /**
   * Chance (0..1) per matching request, rolled with the server's `random`; a lost roll uses up no `times`
   * and moves on to the next fault. Default 1 (`random` is then not called).
   */
  probability?: number | undefined;
  /** Reply with this status instead of the route's. Default 500 when only `body` is set. An error status
   * without `body` gets the server's `faultBody` (each sandbox: its vendor's error body). */
  status?: number | undefined;
  /** Reply with this body instead of the route's (rules of `RouteReply.body`). */
  body?: unknown | undefined;
  /** Headers of the fault's reply; without `status` and `body`, added to the route's answer (e.g. a `Retry-After`). */
  headers?: Record<string, string> | undefined;
  /** Wait this long (ms) before anything else. */
  delayMs?: number | undefined;
  /** Destroy the connection (TCP reset) before any response byte: a network error. */
  reset?: boolean | undefined;
  /**
   * Send the FULL content-length, then only this many body bytes, then destroy the connection (the body
   * read fails). At or past the end of the body, its last byte is still held back. Not combinable with
   * `stallAfterBytes`. The reply carries `connection: close`, so no later request queues on that connection.
   */
  truncateAfterBytes?: number | undefined;
  /**
   * Send the full content-length and this many body bytes (at most all but the last), then nothing until
   * the client leaves, the server closes or `stallMs` passes. The reply carries `connection: close`.
   */
  stallAfterBytes?: number | undefined;
  /** With `stallAfterBytes`: ms of silence before the rest of the body is sent. Default: forever. */
  stallMs?: number | undefined;
  /** Send the body in `chunkSize`-byte chunks with this delay (ms) between them. */
  chunkDelayMs?: number | undefined;
  /** With `chunkDelayMs`: bytes per chunk. Default 16. */
  chunkSize?: number | undefined;
}

/** Options of `createTestServer`. */
export interface TestServerOptions {
  /** More can be added with `server.route(...)`. */
  routes?: TestRoute[] | undefined;
  /** Random source of the faults' `probability`, in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
  /** Clock of `TestRequest.receivedAt`. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Answer when no route matches. Default 404 `{ error: 'no route' }`. */
  notFound?: ((request: TestRequest) => RouteReply) | undefined;
  /**
   * Body of a fault that sets an error `status` (400 and up) but no `body`: a sandbox answers with its
   * vendor's error shape, e.g. `(status) => ({ detail: 'Service Unavailable' })`. Default: none (an empty
   * body). A fault's own `body` always wins; `body: ''` asks for an empty one.
   */
  faultBody?: ((status: number) => unknown) | undefined;
}

/** A running test server on 127.0.0.1. Close it with `close()` (e.g. in `afterEach`). */
export interface TestServer {
  /** `'http://127.0.0.1:PORT'`, no trailing slash. */
  readonly url: string;
  /** Picked by the OS. */
  readonly port: number;
  /** Every request, faults included, in arrival order (a fresh copy on each read). */
  readonly requests: readonly TestRequest[];
  /** Adds a route after the existing ones. */
  route(route: TestRoute): void;
  /** Queues a fault. Throws `RangeError` or `TypeError` on an invalid one. */
  injectFault(fault: Fault): void;
  /** Removes every queued fault, used up or not. */
  clearFaults(): void;
  clearRequests(): void;
  /** How many logged requests match (all without `match`). */
  countRequests(match?: FaultMatch): number;
  /** Stops listening, destroys every connection (stalled ones too) and clears pending timers. Idempotent (same promise). */
  close(): Promise<void>;
}
