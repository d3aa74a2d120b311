// The Browser Use API v2 response types, field for field as its OpenAPI spec
// (https://api.browser-use.com/api/v2, `components.schemas`). Nullable where the spec says so,
// optional where the spec does not list the field as required.

/**
 * Browser Use's `TaskStatus`. `failed` was added after the first published v2 spec; any other word
 * a newer API sends still compiles (and maps to `unknown`).
 */
export type BrowserUseTaskStatus = 'created' | 'started' | 'finished' | 'failed' | 'stopped' | (string & {});

/**
 * `TaskStepView`: one step of the agent's run. The spec marks every field but `screenshotUrl` and
 * `duration` required; only `number` is checked at run time (a step missing its memory must not fail the
 * whole read), so the others are typed as they may arrive: missing or `null`.
 */
export interface BrowserUseTaskStepView {
  /** Sequential step number within the task. */
  number: number;
  /** The agent's memory at this step. */
  memory?: string | null;
  /** The agent's evaluation of the previous goal. */
  evaluationPreviousGoal?: string | null;
  /** The goal for the next step. */
  nextGoal?: string | null;
  /** The URL the browser was on. */
  url?: string | null;
  /** URL of the screenshot taken at this step. */
  screenshotUrl?: string | null;
  /** The actions performed, each a JSON string (e.g. `'{"click_element":{"index":3}}'`); an array when present. */
  actions?: string[] | null;
  /** Duration of the step in seconds, from the previous step's completion (or the task's start). */
  duration?: number | null;
}

/** `FileView`: a file the agent produced. `id` is checked at run time; `fileName` (required by the spec) is not. */
export interface BrowserUseFileView {
  /** The file's uuid. */
  id: string;
  /** The file's name. */
  fileName?: string | null;
}

/** `TaskView`, the answer of `GET /tasks/{task_id}`. */
export interface BrowserUseTaskView {
  /** The task's uuid. */
  id: string;
  /** The uuid of the browser session the task ran in. */
  sessionId: string;
  /** The LLM model used, e.g. `'browser-use-llm'`. */
  llm: string;
  /** The task prompt given to the agent. */
  task: string;
  status: BrowserUseTaskStatus;
  /** Naive UTC timestamp (no zone), e.g. `'2025-09-01T10:00:00.123456'`. */
  createdAt: string;
  /** Naive UTC timestamp; null until the task starts. */
  startedAt?: string | null;
  /** Naive UTC timestamp; null while the task runs. */
  finishedAt?: string | null;
  /** Metadata set by the user when creating the task. Default `{}`. */
  metadata?: Record<string, unknown>;
  steps: BrowserUseTaskStepView[];
  /** The final output; null while the task runs. */
  output?: string | null;
  outputFiles: BrowserUseFileView[];
  /** The version of browser-use that ran the task (older tasks may not have it). */
  browserUseVersion?: string | null;
  /** The agent's self-reported success (less reliable than the judge). */
  isSuccess?: boolean | null;
  /** Stringified JSON object: the judge's full report. */
  judgement?: string | null;
  /** True if the judge found the task successful; null when no judge ran. */
  judgeVerdict?: boolean | null;
  /** Total cost in USD, as a decimal string (e.g. `'0.0125'`). */
  cost?: string | null;
  /** Actionable suggestions for improving the task's configuration. */
  suggestions?: Array<Record<string, unknown>> | null;
}

/** `TaskStatusView`, the light answer of `GET /tasks/{task_id}/status`, meant for polling. */
export interface BrowserUseTaskStatusView {
  /** The task's uuid. */
  id: string;
  status: BrowserUseTaskStatus;
  /** The final output; null while the task runs. */
  output?: string | null;
  /** Naive UTC timestamp; null while the task runs. */
  finishedAt?: string | null;
  /** The agent's self-reported success. */
  isSuccess?: boolean | null;
  /** Total cost in USD, as a decimal string. */
  cost?: string | null;
}

/** `ValidationError`: one rejected parameter (a 422 body holds a list of them, or one bare). */
export interface BrowserUseValidationError {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

/** `HTTPValidationError`: the 422 body. */
export interface BrowserUseHTTPValidationError {
  detail?: BrowserUseValidationError[];
}

/** The `{detail}` body of 400, 402, 404, 500... answers (e.g. `TaskNotFoundError`: `'Task not found'`). */
export interface BrowserUseErrorDetail {
  detail?: string;
}

/** The 429 body of Browser Use's rate limiter. */
export interface BrowserUseRateLimitBody {
  error?: string;
  /** Requests per second allowed. */
  limit_rps?: number;
  /** Seconds to wait before the next request. */
  retry_after_seconds?: number;
}
