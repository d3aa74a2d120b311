import type { TaskStatus } from './task-status';

/** One step of an agent's run, as far as the vendor reports it. */
export interface TaskStep {
  /** Position of the step, from the vendor's numbering when it has one (Browser Use `number`, BrowserAI `history_index`). */
  index: number;
  /** The page the browser was on. */
  url?: string;
  /** What the agent set out to do next. */
  goal?: string;
  /** The agent's evaluation of the previous goal. */
  evaluation?: string;
  /** The agent's memory at this step. */
  memory?: string;
  /** Actions performed: decoded JSON where the vendor sent JSON, else the vendor's string as is. */
  actions?: unknown[];
  /** The step's result text, when the vendor reports one. */
  result?: string;
  /** URL of a screenshot taken at this step. */
  screenshotUrl?: string;
  /** When the step was recorded. */
  timestamp?: Date;
  /** Duration of the step in milliseconds, when known. */
  durationMs?: number;
  /** The vendor's step object, untouched. */
  raw: unknown;
}

/** Known artifact kinds; any other string is accepted. */
export type TaskArtifactKind = 'screenshot' | 'html' | 'console' | 'file' | (string & {});

/** A file or page the run produced: screenshot, HTML snapshot, console log, output file. */
export interface TaskArtifact {
  kind: TaskArtifactKind;
  /** Where to download it, when the vendor gives a URL. */
  url?: string;
  /** The vendor's id for it, when the vendor gives one instead of a URL. */
  id?: string;
  /** A file name, when known. */
  name?: string;
  /** The step it belongs to, when known. */
  stepIndex?: number;
}

/** What the HTTP response carried besides the body. */
export interface TaskResponseInfo {
  /** Response headers of the last request that built this task (lower-case names). */
  headers: Record<string, string>;
  /** The vendor's request id, when it sends one. */
  requestId?: string;
}

/**
 * A task, normalized across vendors. `raw` keeps the vendor's body untouched, typed with the vendor's type:
 * whatever has no normalized field is still there.
 */
export interface Task<Raw = unknown> {
  /** The provider's name, e.g. `'browser-use'`. */
  provider: string;
  /** The task's reference in string form, `"<provider>:<id>"`, e.g. `anchor:<taskId>/<executionId>`. */
  id: string;
  /** The normalized status. */
  status: TaskStatus;
  /** The vendor's own status word, as sent (empty string when the vendor sent none). */
  providerStatus: string;
  /** True when `status` is terminal (`succeeded`, `failed`, `cancelled`, `timed_out`). */
  isTerminal: boolean;
  createdAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  /** Run time in milliseconds: the vendor's figure, else `finishedAt - startedAt` when both are known. */
  durationMs?: number;
  /** The final output, as the vendor sent it (string or JSON value). */
  output?: unknown;
  /** The error message when the task failed, as the vendor wrote it. */
  error?: string;
  steps: TaskStep[];
  artifacts: TaskArtifact[];
  /** Cost as the decimal string the vendor sent (no float rounding), e.g. `"0.0125"`. */
  cost?: string;
  /** Vendor fields worth surfacing that the model has no place for. */
  metadata: Record<string, unknown>;
  /** The vendor's body, untouched. */
  raw: Raw;
  /** Headers and request id of the response. */
  response?: TaskResponseInfo;
}
