import type { Fault, ScriptStage, TestServer } from '@x/core/testing';
import type { BrowserUseTaskView } from '../browser-use-api-types';
import type { BrowserUseRef } from '../browser-use-ref';

/** Options of `createBrowserUseSandbox`. */
export interface BrowserUseSandboxOptions {
  /** The key accepted in `X-Browser-Use-API-Key`. Default: a random `'sk-sandbox-…'`. */
  apiKey?: string | undefined;
  /** Clock of lifecycles and timestamps. Default: `Date.now`. */
  now?: (() => number) | undefined;
  /** Random source of fault probabilities. Default: `Math.random`. */
  random?: (() => number) | undefined;
}

/**
 * How a sandbox task ends: `succeeded` (`finished`), `failed`, `cancelled` (`stopped`). Browser Use has no
 * word for `timed_out` or `paused`: they are not in the type, and from JavaScript they throw an
 * `InvalidArgumentError` naming `outcome`.
 */
export type SandboxOutcome = 'succeeded' | 'failed' | 'cancelled';

/** A hand-written stage: TaskView fields laid over the task's defaults, from `afterMs` after the previous stage (default `stepMs`; the first at once). */
export type BrowserUseSandboxStage = ScriptStage<Partial<BrowserUseTaskView>>;

/** Options of `sandbox.createTask`. */
export interface BrowserUseSandboxTaskOptions {
  /** Default: `'succeeded'` (`finished`). `'timed_out'` and `'paused'` throw. */
  outcome?: SandboxOutcome | undefined;
  /** Steps recorded before the end, one stage each. Default: 3. */
  steps?: number | undefined;
  /** Ms between two stages (ignored with `advanceOn: 'read'`). Default: 100. */
  stepMs?: number | undefined;
  /** `'time'`: stages follow the clock; `'read'`: each GET of the task (full or `/status`) moves one stage on. Default: `'time'`. */
  advanceOn?: 'time' | 'read' | undefined;
  /** The final `output`. Default: a sentence about the run (`finished`), the error text (`failed`). */
  output?: string | undefined;
  /**
   * A `failed` or `stopped` task's text, sent as `output` (Browser Use has no error field). Default: `output`,
   * else a sentence about the failure (`failed`) or `null` (`stopped`).
   */
  error?: string | undefined;
  /** `TaskView.task`. Default: `'Find the top story on Hacker News and return its title'`. */
  task?: string | undefined;
  /** `TaskView.metadata`. Default: `{}`. */
  metadata?: Record<string, unknown> | undefined;
  /**
   * Full control, replacing `outcome`, `steps`, `output` and `error`: the stages to serve, over the task's
   * defaults (id, sessionId, llm, task, createdAt, empty steps...); raw words allowed (`{ state: { status: 'archived' } }`).
   */
  stages?: BrowserUseSandboxStage[] | undefined;
}

/** A Browser Use API on 127.0.0.1 (see `createBrowserUseSandbox`). */
export interface BrowserUseSandbox {
  /** Pass as `baseURL`: `http://127.0.0.1:PORT/api/v2`. */
  readonly baseURL: string;
  readonly apiKey: string;
  /** The test server: request log, faults, `countRequests`. */
  readonly server: TestServer;
  /** `{ BROWSER_USE_API_KEY, BROWSER_USE_BASE_URL }` pointing a provider at this sandbox. */
  env(): Record<string, string>;
  /** Registers a scripted task; returns its uuid. */
  createTask(options?: BrowserUseSandboxTaskOptions): BrowserUseRef;
  /** `server.injectFault`; paths include the `/api/v2` prefix. An error `status` without `body` answers `{ detail: <status text> }`. */
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}
