import type { Task } from './task';

/** Per-call options, the same vocabulary for every provider and every call. */
export interface RequestOptions {
  /** Cancels the request and any backoff sleep at once; reported as `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Timeout per attempt in milliseconds, covering headers and body. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default: the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** Extra headers for this call; they override the client's headers. */
  headers?: Record<string, string> | undefined;
  /** Absolute time (epoch ms) past which no retry sleep is started. Set by `waitForTask` from its `timeoutMs`. */
  deadline?: number | undefined;
}

/**
 * The contract every vendor package implements. `Ref` is the provider's typed task reference
 * (`string` for Browser Use, `{ taskId, executionId }` for Anchor); `Raw` the vendor's body type.
 */
export interface TaskProvider<Ref = unknown, Raw = unknown> {
  /** The provider's name and string-reference prefix, e.g. `'browser-use'`. */
  readonly name: string;
  /** Reads a task and returns it normalized. */
  getTask(ref: Ref, options?: RequestOptions): Promise<Task<Raw>>;
  /**
   * Optional cheaper read used while polling (e.g. Browser Use's light `/status` view). When present,
   * `waitForTask` polls with it and calls `getTask` once, at the end, for the full task.
   */
  pollTask?(ref: Ref, options?: RequestOptions): Promise<Task<unknown>>;
  /** Parses the string form (`"<name>:<id>"`; the bare `<id>` is accepted too). Throws `InvalidArgumentError`. */
  parseRef(text: string): Ref;
  /** Prints the string form `"<name>:<id>"`. Throws `InvalidArgumentError` for an invalid reference. */
  formatRef(ref: Ref): string;
}

/** Any provider, whatever its reference and raw types. */
// biome-ignore lint/suspicious/noExplicitAny: a provider of any reference type must be assignable here.
export type AnyTaskProvider = TaskProvider<any, any>;

/** The reference type of a provider. */
export type RefOf<P> = P extends TaskProvider<infer Ref, unknown> ? Ref : never;
/** The raw body type of a provider (`Task<RawOf<P>>` is what its `getTask` resolves with). */
export type RawOf<P> = P extends TaskProvider<infer _Ref, infer Raw> ? Raw : never;
