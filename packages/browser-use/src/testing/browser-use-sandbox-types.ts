import type { Fault, ScriptStage, TestServer } from '@x/core/testing';
import type { BrowserUseTaskView } from '../browser-use-api-types';
import type { BrowserUseRef } from '../browser-use-ref';

/** Options of `createBrowserUseSandbox`. */
export interface BrowserUseSandboxOptions {
  /** The key the sandbox accepts in `X-Browser-Use-API-Key`. Default: a random `'sk-sandbox-…'` string. */
  apiKey?: string;
  /** Clock for time-driven lifecycles and timestamps. Default: `Date.now`. */
  now?: () => number;
  /** Random source for fault probabilities. Default: `Math.random`. */
  random?: () => number;
}

/**
 * How a sandbox task ends, in normalized words. Browser Use can express `succeeded` (`finished`),
 * `failed` (`failed`) and `cancelled` (`stopped`); it has no word for `timed_out` nor `paused`, so
 * asking for those throws.
 */
export type SandboxOutcome = 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'paused';

/**
 * A stage of a hand-written lifecycle: TaskView fields laid over the task's defaults, served `afterMs`
 * after the previous stage (default: `stepMs`; the first stage starts at once).
 */
export type BrowserUseSandboxStage = ScriptStage<Partial<BrowserUseTaskView>>;

/** Options of `sandbox.createTask`. */
export interface BrowserUseSandboxTaskOptions {
  /** How the task ends. Default: `'succeeded'` (`finished`). `'timed_out'` and `'paused'` throw. */
  outcome?: SandboxOutcome;
  /** Steps the agent records before the end, one stage each. Default: 3. */
  steps?: number;
  /** Time between two stages, in ms (ignored with `advanceOn: 'read'`). Default: 100. */
  stepMs?: number;
  /**
   * `'time'`: stages follow the clock. `'read'`: each GET of the task (full view or `/status`) returns the
   * current stage and moves to the next one. Default: `'time'`.
   */
  advanceOn?: 'time' | 'read';
  /** The final `output`. Default: a sentence about the run (`finished`), the error text (`failed`). */
  output?: string;
  /** The text of a `failed` or `stopped` task, sent as its `output` (Browser Use has no error field). */
  error?: string;
  /** The task prompt (`TaskView.task`). Default: `'Find the top story on Hacker News and return its title'`. */
  task?: string;
  /** The user metadata (`TaskView.metadata`). Default: `{}`. */
  metadata?: Record<string, unknown>;
  /**
   * Full control: the stages to serve, each laid over the task's defaults (id, sessionId, llm, task,
   * createdAt, empty steps...). Raw status words are allowed (`{ state: { status: 'archived' } }`).
   * Replaces `outcome`, `steps`, `output` and `error`. Each stage's `afterMs` counts from the previous
   * stage (default `stepMs`).
   */
  stages?: BrowserUseSandboxStage[];
}

/** A Browser Use API on 127.0.0.1: `GET /api/v2/tasks/{task_id}` and `GET /api/v2/tasks/{task_id}/status`. */
export interface BrowserUseSandbox {
  /** Pass as `baseURL`, e.g. `http://127.0.0.1:PORT/api/v2`. */
  readonly baseURL: string;
  /** The key the sandbox accepts. */
  readonly apiKey: string;
  /** The underlying test server: request log, faults, `countRequests`. */
  readonly server: TestServer;
  /** `{ BROWSER_USE_API_KEY, BROWSER_USE_BASE_URL }` pointing a provider at this sandbox. */
  env(): Record<string, string>;
  /** Registers a scripted task and returns its reference (the task's uuid). */
  createTask(options?: BrowserUseSandboxTaskOptions): BrowserUseRef;
  /** Queues a fault (same as `server.injectFault`). Paths include the `/api/v2` prefix. */
  injectFault(fault: Fault): void;
  /** Stops the server. */
  close(): Promise<void>;
}
