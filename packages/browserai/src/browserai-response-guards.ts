// Minimal checks of BrowserAI's 2xx bodies: the shape must be usable, extra fields and nulls are fine.
// Each returns what is wrong, or undefined when the body is fine (the `validate` contract of getJson).

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkOptional(
  record: Record<string, unknown>,
  field: string,
  expected: string,
  test: (value: unknown) => boolean,
): string | undefined {
  const value = record[field];
  if (value === undefined || value === null || test(value)) return undefined;
  return `expected "${field}" to be ${expected} or null, got ${Array.isArray(value) ? 'an array' : typeof value}`;
}

const isString = (value: unknown) => typeof value === 'string';

/** Checks the body of `GET /tasks/{session_id}`. */
export function checkBrowserAITask(data: unknown): string | undefined {
  if (!isRecord(data)) return 'expected a task object from GET /tasks/{session_id}';
  return (
    checkOptional(data, 'status', 'a string', isString) ??
    checkOptional(data, 'progress', 'an object', isRecord) ??
    (isRecord(data.progress) ? checkOptional(data.progress, 'logs', 'an array', Array.isArray) : undefined)
  );
}

/** Checks the body of `GET /results/{session_id}`. */
export function checkBrowserAIResults(data: unknown): string | undefined {
  if (!isRecord(data)) return 'expected a results object from GET /results/{session_id}';
  const problem =
    checkOptional(data, 'status', 'a string', isString) ??
    checkOptional(data, 'results', 'an array', Array.isArray);
  if (problem) return problem;
  const results = Array.isArray(data.results) ? data.results : [];
  const index = results.findIndex((item) => !isRecord(item));
  return index === -1 ? undefined : `expected "results[${index}]" to be an object`;
}
