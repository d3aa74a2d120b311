// BrowserAI's response types, as its OpenAPI document describes them (`GET /tasks/{session_id}` and
// `GET /results/{session_id}`). The spec marks every field optional; these types also accept `null`,
// because the vendor's own clients treat missing and null alike.

/**
 * A task's status word. The spec documents it as a free string; the words listed are those seen in the
 * vendor's own clients (`finalized`, `failed`, `stopped`, `awaiting`) plus the running words this SDK
 * recognises (`running`, `in_progress`, `queued`, `pending`). Any other string is accepted.
 */
export type BrowserAITaskStatus =
  | 'finalized'
  | 'failed'
  | 'stopped'
  | 'awaiting'
  | 'running'
  | 'in_progress'
  | 'queued'
  | 'pending'
  | (string & {});

/** `TaskProgress`: where the run is, with its log lines. */
export interface BrowserAITaskProgress {
  status?: string | null;
  logs?: string[] | null;
}

/** `GetTaskResponse`, the body of `GET /tasks/{session_id}`: the task's metadata and status. */
export interface BrowserAITask {
  executionId?: string | null;
  scriptId?: string | null;
  scriptType?: string | null;
  status?: BrowserAITaskStatus | null;
  progress?: BrowserAITaskProgress | null;
  /** ISO 8601 date-time. */
  started?: string | null;
  /** ISO 8601 date-time. */
  estimatedCompletion?: string | null;
  /** The final result. Not in the spec; read by the vendor's own clients. */
  result?: unknown;
  /** The error text of a failed run. Not in the spec; read by the vendor's own clients. */
  error?: string | null;
}

/** `TaskResult`: one entry of the run's history. */
export interface BrowserAITaskResult {
  /** The model's output for this step, a string (often JSON text). */
  model_output?: string | null;
  result?: string | null;
  /** The browser state, a string (often JSON text). */
  state?: string | null;
  metadata?: Record<string, unknown> | null;
  history_index?: number | null;
  screenshot_url?: string | null;
  html_url?: string | null;
  console_url?: string | null;
  /** ISO 8601 date-time. */
  insert_ts?: string | null;
}

/** `GetResultsResponse`, the body of `GET /results/{session_id}`. */
export interface BrowserAIResults {
  executionId?: string | null;
  status?: BrowserAITaskStatus | null;
  /** ISO 8601 date-time. */
  started?: string | null;
  /** ISO 8601 date-time. */
  completed?: string | null;
  results?: BrowserAITaskResult[] | null;
}

/** `Task.raw` of a BrowserAI task: the metadata, and the results when they were fetched. */
export interface BrowserAITaskRaw {
  /** The body of `GET /tasks/{session_id}`, untouched. */
  task: BrowserAITask;
  /** The body of `GET /results/{session_id}`, untouched; fetched once the task is terminal or paused. */
  results?: BrowserAIResults;
}
