/**
 * The public types of the test server (`createTestServer`), the building block of the vendor sandboxes.
 * One file so the contract can be read in one go; the behaviour lives in the files named after each export.
 */

/** One request as the test server received it. Logged before any fault or route runs. */
export interface TestRequest {
  /** The HTTP method, upper-case as sent (`'GET'`). */
  method: string;
  /** The raw path as received, without the query string and NOT percent-decoded (`'/tasks/a%2Fb'`). */
  path: string;
  /** The raw request target, query included (`'/tasks/a%2Fb?verbose=1'`). */
  url: string;
  /** The query parameters, decoded. A repeated name keeps its last value. */
  query: Record<string, string>;
  /** The request headers, names lower-case. A repeated header is joined with `', '`. */
  headers: Record<string, string>;
  /** When the request arrived, in ms since the epoch (from the server's `now`, default `Date.now`). */
  receivedAt: number;
}

/** What a route handler receives. */
export interface RouteContext {
  /** The request, as logged. */
  request: TestRequest;
  /**
   * The `:param` values of the route pattern, each decoded with `decodeURIComponent`
   * (a request to `/tasks/a%2Fb` gives `{ taskId: 'a/b' }` for the pattern `/tasks/:taskId`).
   */
  params: Record<string, string>;
}

/** An answer, from a route, from `notFound` or from a fault. */
export interface RouteReply {
  /** The HTTP status code. */
  status: number;
  /**
   * The body. A string or a `Uint8Array` (Buffer) is sent as is (default content-type
   * `text/plain; charset=utf-8` or `application/octet-stream`); anything else is `JSON.stringify`'d and
   * sent with content-type `application/json`. `undefined` sends an empty body.
   */
  body?: unknown;
  /** Extra response headers. They win over the defaults (content-type, content-length). */
  headers?: Record<string, string>;
}

/** One route of the test server. Routes are tried in the order they were added; the first match answers. */
export interface TestRoute {
  /** The HTTP method, compared case-insensitively (`'GET'`). */
  method: string;
  /**
   * The path pattern, like `/v1/task/:taskId/executions/:executionId`. Each `:param` matches exactly one
   * non-empty raw segment (never a `/`); every other segment must equal the raw segment exactly.
   */
  path: string;
  /** Computes the answer. A handler that throws (or rejects) answers 500 `{ error: message }`. */
  handler(context: RouteContext): RouteReply | Promise<RouteReply>;
}

/** Which requests a fault (or `countRequests`) applies to. An empty match matches every request. */
export interface FaultMatch {
  /** The HTTP method, compared case-insensitively. Default: any method. */
  method?: string;
  /**
   * A string is a route pattern (as in `TestRoute.path`) or an exact raw path; a RegExp is tested on the
   * raw path (no query). Default: any path.
   */
  path?: string | RegExp;
}

/**
 * A fault to inject. Faults queue up; for each request the first fault that matches, has `times` left
 * and passes its `probability` roll applies (one fault per request at most).
 *
 * Order of effects: `delayMs`, then `reset` (which ends everything), then the reply (the fault's own when
 * `status` or `body` is set, else the route's), delivered as shaped by `truncateAfterBytes`,
 * `stallAfterBytes` and `chunkDelayMs`.
 */
export interface Fault {
  /** Which requests it applies to. Default: every request. */
  match?: FaultMatch;
  /** How many requests it applies to (an integer ≥ 0, or `Infinity`). Default 1. */
  times?: number;
  /**
   * The chance (0..1) that it applies to each matching request, rolled with the server's `random`.
   * A request that loses the roll does not use up `times` and goes on to the next fault. Default 1
   * (always; `random` is then not called).
   */
  probability?: number;
  /** Reply with this status instead of the route's answer. Default 500 when only `body` is set. */
  status?: number;
  /** Reply with this body instead of the route's answer (same rules as `RouteReply.body`). */
  body?: unknown;
  /**
   * Headers of the fault's reply. Without `status` and `body`, they are added to the route's answer
   * instead (handy for a `Retry-After` on a normal answer).
   */
  headers?: Record<string, string>;
  /** Wait this long (ms) before sending anything, then go on with the rest of the fault. */
  delayMs?: number;
  /** Destroy the connection (TCP reset) before any byte of the response: the client sees a network error. */
  reset?: boolean;
  /**
   * Send the headers with the FULL content-length, then only this many bytes of the body, then destroy
   * the connection: the client's body read fails. Not combinable with `stallAfterBytes`.
   */
  truncateAfterBytes?: number;
  /**
   * Send the headers with the full content-length and this many bytes of the body, then nothing more:
   * the connection stays open until the client goes away or the server closes, or for `stallMs`.
   */
  stallAfterBytes?: number;
  /** With `stallAfterBytes`: after this many ms of silence, send the rest of the body. Default: forever. */
  stallMs?: number;
  /** Send the body in small chunks (`chunkSize` bytes) with this delay (ms) between them: a slow body. */
  chunkDelayMs?: number;
  /** With `chunkDelayMs`: the size of each chunk in bytes. Default 16. */
  chunkSize?: number;
}

/** Options of `createTestServer`. */
export interface TestServerOptions {
  /** The initial routes. More can be added with `server.route(...)`. */
  routes?: TestRoute[];
  /** The random source of the faults' `probability` (values in [0, 1)). Default `Math.random`. */
  random?: () => number;
  /** The clock of `TestRequest.receivedAt`. Default `Date.now`. */
  now?: () => number;
  /** The answer when no route matches. Default 404 `{ error: 'no route' }`. */
  notFound?: (request: TestRequest) => RouteReply;
}

/** A running test server on 127.0.0.1. Close it with `close()` (for example in `afterEach`). */
export interface TestServer {
  /** The base URL, `'http://127.0.0.1:PORT'`, without a trailing slash. */
  readonly url: string;
  /** The port the server listens on (picked by the OS). */
  readonly port: number;
  /** Every request received, faults included, in arrival order (a fresh copy of the log on each read). */
  readonly requests: readonly TestRequest[];
  /** Adds a route after the existing ones. */
  route(route: TestRoute): void;
  /** Queues a fault (see `Fault`). Throws a `RangeError` or `TypeError` on an invalid fault. */
  injectFault(fault: Fault): void;
  /** Removes every queued fault, used up or not. */
  clearFaults(): void;
  /** Empties the request log. */
  clearRequests(): void;
  /** How many logged requests match (all of them without `match`). */
  countRequests(match?: FaultMatch): number;
  /**
   * Stops listening, destroys every open connection (stalled ones included) and clears every pending
   * timer, so the process can exit. Idempotent: later calls return the same promise.
   */
  close(): Promise<void>;
}
