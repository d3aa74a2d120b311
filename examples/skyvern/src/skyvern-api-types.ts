/**
 * Skyvern's response bodies, typed as its OpenAPI spec says: `GET /v1/runs/{run_id}` ("Get run info by
 * id") answers a `TaskRunResponse` or a `WorkflowRunResponse`, told apart by `run_type`
 * (Skyvern-AI/skyvern: `fern/openapi/skyvern_openapi.json`, and the pydantic models in
 * `skyvern/schemas/runs.py`, `BaseRunResponse`). Both share every field below.
 *
 * Required in the spec, and checked at run time (`skyvern-response-guards.ts`): `run_id`, `status`,
 * `created_at`, `modified_at`, `run_type`. Every other field is optional and nullable, and kept as sent.
 */

/**
 * `RunStatus`. `paused` is in the current spec but not in older ones (nor in Skyvern's TypeScript SDK of the
 * same period): vendors add words without notice, so any other string is accepted too.
 */
export type SkyvernRunStatus =
  | 'created'
  | 'queued'
  | 'running'
  | 'paused'
  | 'timed_out'
  | 'failed'
  | 'terminated'
  | 'completed'
  | 'canceled'
  | (string & {});

/** `RunType`: what kind of run the body describes. */
export type SkyvernRunType =
  | 'task_v1'
  | 'task_v2'
  | 'workflow_run'
  | 'openai_cua'
  | 'anthropic_cua'
  | 'ui_tars'
  | 'yutori_navigator'
  | (string & {});

/** `FileInfo`: a file the run downloaded. */
export interface SkyvernFileInfo {
  /** URL to access the file. */
  url: string;
  /** SHA-256 checksum of the file. */
  checksum?: string | null;
  /** Original filename. */
  filename?: string | null;
  /** Size of the file in bytes. */
  file_size?: number | null;
  /** Modified time of the file (ISO 8601). */
  modified_at?: string | null;
}

/** The body of `GET /v1/runs/{run_id}`: a task run or a workflow run. */
export interface SkyvernRun {
  /** Unique identifier of the run: `tsk_…` for task runs (`tsk_v2_…` for v2 tasks), `wr_…` for workflow runs. */
  run_id: string;
  /** Current status of the run. */
  status: SkyvernRunStatus;
  /** Output data from the run, if any; its shape depends on what the run extracted. */
  output?: Record<string, unknown> | unknown[] | string | null;
  /** Files downloaded during the run. */
  downloaded_files?: SkyvernFileInfo[] | null;
  /** URL to the recording of the run. */
  recording_url?: string | null;
  /** True when the recording exists but was archived to cold storage and is not accessible now. */
  recording_archived?: boolean;
  /** The last screenshots, in reverse chronological order: the first one is the latest. */
  screenshot_urls?: string[] | null;
  /** Reason for failure if the run failed or terminated. */
  failure_reason?: string | null;
  /** When the run was created (ISO 8601). */
  created_at: string;
  /** When the run was last modified (ISO 8601). */
  modified_at: string;
  /** When the run was queued. */
  queued_at?: string | null;
  /** When the run started executing. */
  started_at?: string | null;
  /** When the run finished. */
  finished_at?: string | null;
  /** URL of the run in Skyvern's app (`https://app.skyvern.com/tasks/tsk_123`, `…/workflows/wpid_123/wr_123`). */
  app_url?: string | null;
  /** The persistent browser session the run used (`pbs_…`). */
  browser_session_id?: string | null;
  /** The browser profile the run used (`bp_…`). */
  browser_profile_id?: string | null;
  /** Maximum number of scrolls for the post-action screenshot. */
  max_screenshot_scrolls?: number | null;
  /** The script run result. */
  script_run?: Record<string, unknown> | null;
  /** The errors of the run. */
  errors?: Record<string, unknown>[] | null;
  /** Total number of steps executed. */
  step_count?: number | null;
  /** The kind of run: a task run type, or `workflow_run`. */
  run_type: SkyvernRunType;
  /** The original request that started the run (a `TaskRunRequest` or a `WorkflowRunRequest`). */
  run_request?: Record<string, unknown> | null;
}

/** One entry of FastAPI's `HTTPValidationError.detail` (the 422 body). */
export interface SkyvernValidationError {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/**
 * Skyvern's error body, FastAPI's: `{ detail: "Invalid credentials" }` (403), `{ detail: "Task run not
 * found tsk_…" }` (404), `{ detail: [{ loc, msg, type }] }` (422).
 */
export interface SkyvernErrorResponse {
  detail?: string | SkyvernValidationError[];
}
