// Anchor Browser's response bodies, typed as its OpenAPI spec says
// (`specs/anchor.openapi.yaml` and the fuller `specs/reference/anchorbrowser.openapi.yml`).
// Required fields are checked at run time; optional ones are kept as sent.

/** The status word of a legacy execution and of a v2 run (same enum). Any other string is accepted: vendors add values without notice. */
export type AnchorTaskStatus =
  | 'queued'
  | 'running'
  | 'success'
  | 'failure'
  | 'timeout'
  | 'cancelled'
  | (string & {});

/** `TaskExecutionResult`: one execution of a legacy task, the `data` of `GET /v1/task/{taskId}/executions/{executionId}`. */
export interface AnchorTaskExecutionResult {
  /** The `executionId` (uuid). */
  id: string;
  /** Task version identifier (uuid). */
  taskVersionId: string;
  /** Version that was executed. */
  version: string;
  status: AnchorTaskStatus;
  output?: string | null;
  /** Set when the execution failed. */
  errorMessage?: string | null;
  /** ISO 8601 date-time. */
  startTime: string;
  /** Duration in ms. */
  executionTime?: number | null;
}

/** `TaskExecutionResultResponse`: the body of `GET /v1/task/{taskId}/executions/{executionId}`. */
export interface AnchorTaskExecutionResultResponse {
  data: AnchorTaskExecutionResult;
}

/** `TaskRunStatusV2Response`: the body of `GET /v2/tasks/runs/{runId}/status` (no `data` wrapper). `null` is typed though the spec says non-nullable. */
export interface AnchorTaskRunStatus {
  run_id: string;
  status: AnchorTaskStatus;
  /** The output when available, kept as sent. */
  result?: Record<string, unknown> | null;
  /** Set when the run fails. */
  error?: string | null;
  /** The run's browser session. */
  session_id?: string | null;
}

/** An Anchor `Task.raw`: the execution result (`{ taskId, executionId }`) or the run status (`{ runId }`); `'run_id' in raw` tells them apart. */
export type AnchorTaskRaw = AnchorTaskExecutionResult | AnchorTaskRunStatus;

/** `ErrorResponse`: Anchor's error body, `{ error: { code, message } }`. */
export interface AnchorErrorResponse {
  error?: {
    code?: number;
    message?: string;
  };
}
