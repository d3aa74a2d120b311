import { createTask, isTerminalStatus, type JsonResponse, parseTimestamp, type Task } from '@x/core';
import type { AnchorTaskExecutionResult, AnchorTaskRunStatus } from './anchor-api-types';
import { type AnchorExecutionRef, type AnchorRunRef, isAnchorRunRef } from './anchor-ref';
import { mapAnchorStatus } from './map-anchor-status';

/**
 * Turns an Anchor answer into a normalized `Task`, `raw` being the body (the execution result, or the
 * run status) untouched.
 *
 * Execution result (legacy API): `startTime` → `startedAt`; `executionTime` (ms) → `durationMs`;
 * `finishedAt` = `startTime + executionTime` when both are known and the status is terminal;
 * `output` → `output` as sent; `errorMessage` → `error`; `taskVersionId` and `version` → `metadata`.
 *
 * Run status (v2 API): `result` → `output` (the object as sent); `error` → `error`;
 * `session_id` → `metadata.sessionId`. The v2 body has no timestamps.
 */
export function convertAnchorTask(
  ref: AnchorExecutionRef,
  response: JsonResponse<AnchorTaskExecutionResult>,
): Task<AnchorTaskExecutionResult>;
export function convertAnchorTask(
  ref: AnchorRunRef,
  response: JsonResponse<AnchorTaskRunStatus>,
): Task<AnchorTaskRunStatus>;
export function convertAnchorTask(
  ref: AnchorExecutionRef | AnchorRunRef,
  response: JsonResponse<AnchorTaskExecutionResult> | JsonResponse<AnchorTaskRunStatus>,
): Task<AnchorTaskExecutionResult> | Task<AnchorTaskRunStatus> {
  const status = mapAnchorStatus(response.data.status);
  const providerStatus = typeof response.data.status === 'string' ? response.data.status : '';
  const info = { headers: response.headers, requestId: response.requestId };
  // The kind of body follows from the reference read, never from the body's fields: an execution
  // result that also carries a `run_id` is still an execution result.
  // One object literal per kind: spreading, or `Object.assign` onto shared fields, costs more than
  // the rest of the conversion. The ids are `formatAnchorRef` without its checks: the provider passes
  // a reference `assertAnchorRef` returned.
  if (isAnchorRunRef(ref)) {
    const raw = response.data as AnchorTaskRunStatus;
    const id = `anchor:run/${ref.runId}`;
    return createTask<AnchorTaskRunStatus>({
      provider: 'anchor',
      id,
      status,
      providerStatus,
      response: info,
      output: raw.result ?? undefined,
      error: nonEmptyString(raw.error),
      metadata: typeof raw.session_id === 'string' ? { sessionId: raw.session_id } : {},
      raw,
    });
  }
  const raw = response.data as AnchorTaskExecutionResult;
  const id = `anchor:${ref.taskId}/${ref.executionId}`;
  const startedAt = parseTimestamp(raw.startTime);
  const durationMs =
    typeof raw.executionTime === 'number' && Number.isFinite(raw.executionTime) && raw.executionTime >= 0
      ? raw.executionTime
      : undefined;
  const finishedAtMs =
    startedAt && durationMs !== undefined && isTerminalStatus(status)
      ? startedAt.getTime() + durationMs
      : undefined;
  // Past Date's range (about 275,000 years) there is no finish time to report: `parseTimestamp` gives undefined.
  const finishedAt = parseTimestamp(finishedAtMs);
  const metadata: Record<string, unknown> = {};
  if (typeof raw.taskVersionId === 'string') metadata.taskVersionId = raw.taskVersionId;
  if (typeof raw.version === 'string') metadata.version = raw.version;
  return createTask<AnchorTaskExecutionResult>({
    provider: 'anchor',
    id,
    status,
    providerStatus,
    response: info,
    startedAt,
    finishedAt,
    durationMs,
    output: raw.output ?? undefined,
    error: nonEmptyString(raw.errorMessage),
    metadata,
    raw,
  });
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
