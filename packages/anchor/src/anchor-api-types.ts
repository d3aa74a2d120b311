/**
 * Anchor Browser's response bodies, typed as its OpenAPI spec says
 * (`specs/anchor.openapi.yaml` and the fuller `specs/reference/anchorbrowser.openapi.yml`).
 * Required fields are checked at run time; optional ones are kept as sent.
 */

/**
 * The status word of a legacy task execution and of a v2 task run (the same enum in both endpoints).
 * Any other string is accepted: vendors add values without notice.
 */
export type AnchorTaskStatus =
  | 'queued'
  | 'running'
  | 'success'
  | 'failure'
  | 'timeout'
  | 'cancelled'
  | (string & {});

/**
 * `TaskExecutionResult`: one execution of a legacy task, the `data` of
 * `GET /v1/task/{taskId}/executions/{executionId}`.
 */
export interface AnchorTaskExecutionResult {
  /** Unique identifier of the execution result (uuid): the `executionId`. */
  id: string;
  /** Task version identifier (uuid). */
  taskVersionId: string;
  /** Version that was executed. */
  version: string;
  /** Execution status. */
  status: AnchorTaskStatus;
  /** Task execution output. */
  output?: string | null;
  /** Error message if the execution failed. */
  errorMessage?: string | null;
  /** Execution start time (ISO 8601 date-time). */
  startTime: string;
  /** Execution duration in milliseconds. */
  executionTime?: number | null;
}

/** `TaskExecutionResultResponse`: the body of `GET /v1/task/{taskId}/executions/{executionId}`. */
export interface AnchorTaskExecutionResultResponse {
  data: AnchorTaskExecutionResult;
}

/**
 * `TaskRunStatusV2Response`: the body of `GET /v2/tasks/runs/{runId}/status` (not wrapped in `data`).
 * The spec does not mark the optional fields nullable; `null` is tolerated and typed, so the type never lies.
 */
export interface AnchorTaskRunStatus {
  /** The ID of the task run. */
  run_id: string;
  /** Current task run status. */
  status: AnchorTaskStatus;
  /** Task output when available (an object, kept as sent). */
  result?: Record<string, unknown> | null;
  /** Error message when the run fails. */
  error?: string | null;
  /** Session ID used for this task run. */
  session_id?: string | null;
}

/**
 * The `raw` of an Anchor `Task`: the execution result (legacy API, `{ taskId, executionId }` reference)
 * or the run status (v2 API, `{ runId }` reference). Tell them apart with `'run_id' in raw`.
 */
export type AnchorTaskRaw = AnchorTaskExecutionResult | AnchorTaskRunStatus;

/** `ErrorResponse`: Anchor's error body, `{ error: { code, message } }`. */
export interface AnchorErrorResponse {
  error?: {
    code?: number;
    message?: string;
  };
}
