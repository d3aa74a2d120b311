import { assertUuid, describeValue, InvalidArgumentError, splitRef, validatePathSegment } from '@x/core';

/** A legacy task execution (`GET /v1/task/{taskId}/executions/{executionId}`); both ids are uuids. */
export interface AnchorExecutionRef {
  taskId: string;
  executionId: string;
}

/** A v2 task run (`GET /v2/tasks/runs/{runId}/status`); `runId` is a plain string. */
export interface AnchorRunRef {
  runId: string;
}

/** An Anchor task: `{ taskId, executionId }` (legacy API) or `{ runId }` (v2); as strings `anchor:<taskId>/<executionId>`, `anchor:run/<runId>`. */
export type AnchorTaskRef = AnchorExecutionRef | AnchorRunRef;

/** The provider's name and string-reference prefix. */
export const ANCHOR_PROVIDER_NAME = 'anchor';
const EXPECTED = 'anchor:<taskId>/<executionId>" or "anchor:run/<runId>';
const RUN_PREFIX = 'run/';

/** True for a `{ runId }` reference. */
export function isAnchorRunRef(ref: AnchorTaskRef): ref is AnchorRunRef {
  return typeof ref === 'object' && ref !== null && 'runId' in ref;
}

/**
 * Parses `anchor:<taskId>/<executionId>` or `anchor:run/<runId>` (prefix optional), ids checked as by
 * `getTask`. Throws `InvalidArgumentError` naming `ref` and the expected forms.
 */
export function parseAnchorRef(text: string): AnchorTaskRef {
  const id = splitRef(text, ANCHOR_PROVIDER_NAME, EXPECTED);
  const fail = (reason: string): never => {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must look like "${EXPECTED}", got ${describeValue(text)} (${reason})`,
    });
  };
  try {
    if (id.startsWith(RUN_PREFIX)) return assertAnchorRef({ runId: id.slice(RUN_PREFIX.length) });
    const parts = id.split('/');
    if (parts.length !== 2) return fail('expected two ids separated by "/"');
    return assertAnchorRef({ taskId: parts[0], executionId: parts[1] });
  } catch (error) {
    if (InvalidArgumentError.isInstance(error) && error.argument !== 'ref') return fail(error.message);
    throw error;
  }
}

/** Prints `anchor:<taskId>/<executionId>` or `anchor:run/<runId>`. Throws `InvalidArgumentError` for an invalid one. */
export function formatAnchorRef(ref: AnchorTaskRef): string {
  const checked = assertAnchorRef(ref);
  return isAnchorRunRef(checked)
    ? `anchor:${RUN_PREFIX}${checked.runId}`
    : `anchor:${checked.taskId}/${checked.executionId}`;
}

/**
 * Checks a reference: `taskId` and `executionId` uuids, `runId` a valid path segment. Throws `InvalidArgumentError`
 * naming the id at fault (`ref` for a wrong shape). Returns a fresh reference with only the known fields.
 */
export function assertAnchorRef(ref: unknown): AnchorTaskRef {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) {
    const hint = typeof ref === 'string' ? '; parse a string with parseRef() first' : '';
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must be { taskId, executionId } or { runId }, got ${describeValue(ref)}${hint}`,
    });
  }
  const record = ref as Record<string, unknown>;
  const isRun = 'runId' in record;
  const isExecution = 'taskId' in record || 'executionId' in record;
  if (isRun && isExecution) {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: 'ref must be either { taskId, executionId } or { runId }, not both',
    });
  }
  if (isRun) return { runId: validatePathSegment(record.runId, 'runId') };
  if (!isExecution) {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: 'ref must be { taskId, executionId } or { runId }, got an object with neither',
    });
  }
  return {
    taskId: assertUuid(record.taskId, 'taskId'),
    executionId: assertUuid(record.executionId, 'executionId'),
  };
}
