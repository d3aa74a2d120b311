// Run-time checks of Anchor's 2xx bodies, for `HttpClient.getJson`'s `validate`. Each returns what is
// wrong with a body, or undefined when it is fine. Only the spec's required fields are checked (type
// included); optional fields, nulls and extra fields are tolerated and kept as sent.

// The required fields: all strings.
const EXECUTION_RESULT_REQUIRED = ['id', 'taskVersionId', 'version', 'status', 'startTime'];
const RUN_STATUS_REQUIRED = ['run_id', 'status'];

/** Checks a `TaskExecutionResultResponse`: `{ data: TaskExecutionResult }`. */
export function checkAnchorTaskExecutionResultResponse(body: unknown): string | undefined {
  if (!isRecord(body)) return `expected a TaskExecutionResultResponse object, got ${describeType(body)}`;
  if (!isRecord(body.data)) {
    return `expected a TaskExecutionResultResponse with a \`data\` object, got \`data\`: ${describeType(body.data)}`;
  }
  return checkRequired(body.data, EXECUTION_RESULT_REQUIRED, 'TaskExecutionResult', 'data.');
}

/** Checks a `TaskRunStatusV2Response` (not wrapped in `data`). */
export function checkAnchorTaskRunStatus(body: unknown): string | undefined {
  if (!isRecord(body)) return `expected a TaskRunStatusV2Response object, got ${describeType(body)}`;
  return checkRequired(body, RUN_STATUS_REQUIRED, 'TaskRunStatusV2Response', '');
}

function checkRequired(
  record: Record<string, unknown>,
  fields: string[],
  schema: string,
  prefix: string,
): string | undefined {
  const wrong: string[] = [];
  for (const name of fields) {
    if (typeof record[name] !== 'string')
      wrong.push(`\`${prefix}${name}\` must be a string, got ${describeType(record[name])}`);
  }
  return wrong.length > 0 ? `invalid ${schema}: ${wrong.join('; ')}` : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
