// Minimal hand-written checks of Browser Use's 2xx bodies (not exported from the package).
// Each returns what is wrong, or undefined when the body is usable. They check the fields the spec
// marks required and their types; optional fields may be missing or null, and extra fields are fine.

type Problem = string | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function checkFields(
  body: Record<string, unknown>,
  fields: Record<string, 'string' | 'array'>,
  where: string,
): Problem {
  for (const name in fields) {
    const type = fields[name];
    const value = body[name];
    const ok = type === 'array' ? Array.isArray(value) : typeof value === type;
    if (!ok)
      return `${where}.${name} should be ${type === 'array' ? 'an array' : `a ${type}`}, got ${kind(value)}`;
  }
  return undefined;
}

/** Checks a `TaskView` (`GET /tasks/{task_id}`). */
export function checkBrowserUseTaskView(data: unknown): Problem {
  if (!isRecord(data)) return `expected a TaskView object, got ${kind(data)}`;
  const problem = checkFields(
    data,
    {
      id: 'string',
      sessionId: 'string',
      llm: 'string',
      task: 'string',
      status: 'string',
      createdAt: 'string',
      steps: 'array',
      outputFiles: 'array',
    },
    'TaskView',
  );
  if (problem) return problem;
  const steps = data.steps as unknown[];
  for (const [position, step] of steps.entries()) {
    if (!isRecord(step)) return `TaskView.steps[${position}] should be an object, got ${kind(step)}`;
    if (typeof step.number !== 'number') {
      return `TaskView.steps[${position}].number should be a number, got ${kind(step.number)}`;
    }
    if (step.actions !== undefined && step.actions !== null && !Array.isArray(step.actions)) {
      return `TaskView.steps[${position}].actions should be an array, got ${kind(step.actions)}`;
    }
  }
  const files = data.outputFiles as unknown[];
  for (const [position, file] of files.entries()) {
    if (!isRecord(file)) return `TaskView.outputFiles[${position}] should be an object, got ${kind(file)}`;
    if (typeof file.id !== 'string') {
      return `TaskView.outputFiles[${position}].id should be a string, got ${kind(file.id)}`;
    }
  }
  return undefined;
}

/** Checks a `TaskStatusView` (`GET /tasks/{task_id}/status`). */
export function checkBrowserUseTaskStatusView(data: unknown): Problem {
  if (!isRecord(data)) return `expected a TaskStatusView object, got ${kind(data)}`;
  return checkFields(data, { id: 'string', status: 'string' }, 'TaskStatusView');
}
