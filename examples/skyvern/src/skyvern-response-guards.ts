// Run-time checks of Skyvern's 2xx bodies, for `HttpClient.getJson`'s `validate`. Each returns what is
// wrong with a body, or undefined when it is fine. Only the spec's required fields are checked (type
// included); optional fields, nulls and extra fields are tolerated and kept as sent.

type Field = [name: string, type: 'string'];

// Required in both `TaskRunResponse` and `WorkflowRunResponse`.
const RUN_REQUIRED: Field[] = [
  ['run_id', 'string'],
  ['status', 'string'],
  ['created_at', 'string'],
  ['modified_at', 'string'],
  ['run_type', 'string'],
];

/** Checks the body of `GET /v1/runs/{run_id}`. */
export function checkSkyvernRun(body: unknown): string | undefined {
  if (!isRecord(body)) return `expected a run object, got ${describeType(body)}`;
  const wrong = RUN_REQUIRED.filter(([name, type]) => typeof body[name] !== type).map(
    ([name, type]) => `\`${name}\` must be a ${type}, got ${describeType(body[name])}`,
  );
  return wrong.length > 0 ? `invalid run: ${wrong.join('; ')}` : undefined;
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
