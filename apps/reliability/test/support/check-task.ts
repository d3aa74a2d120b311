import {
  type AnyTaskProvider,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  isTerminalStatus,
  MissingApiKeyError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  TASK_STATUSES,
  type Task,
  TaskWaitTimeoutError,
  UnprocessableEntityError,
  XError,
} from '@x/core';

// Most specific first: the first class whose `isInstance` matches names the error. Names come from
// the cross-copy markers, not from `error.name`, so they hold for minified builds too.
const CLASSES: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ['ResponseTooLargeError', ResponseTooLargeError.isInstance],
  ['InvalidResponseError', InvalidResponseError.isInstance],
  ['APIConnectionTimeoutError', APIConnectionTimeoutError.isInstance],
  ['APIConnectionError', APIConnectionError.isInstance],
  ['APIUserAbortError', APIUserAbortError.isInstance],
  ['BadRequestError', BadRequestError.isInstance],
  ['AuthenticationError', AuthenticationError.isInstance],
  ['PaymentRequiredError', PaymentRequiredError.isInstance],
  ['PermissionDeniedError', PermissionDeniedError.isInstance],
  ['NotFoundError', NotFoundError.isInstance],
  ['ConflictError', ConflictError.isInstance],
  ['UnprocessableEntityError', UnprocessableEntityError.isInstance],
  ['RateLimitError', RateLimitError.isInstance],
  ['InternalServerError', InternalServerError.isInstance],
  ['APIError', APIError.isInstance],
  ['InvalidArgumentError', InvalidArgumentError.isInstance],
  ['MissingApiKeyError', MissingApiKeyError.isInstance],
  ['TaskWaitTimeoutError', TaskWaitTimeoutError.isInstance],
  ['XError', XError.isInstance],
];

/** The SDK class of an error (`'NotFoundError'`), or `'<not an XError: TypeError>'`. */
export function errorClassOf(error: unknown): string {
  for (const [name, isInstance] of CLASSES) if (isInstance(error)) return name;
  const name = error instanceof Error ? error.constructor.name : typeof error;
  return `<not an XError: ${name}>`;
}

/** The class `createAPIError` must pick for a status. */
export function expectedClassForStatus(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'BadRequestError',
    401: 'AuthenticationError',
    402: 'PaymentRequiredError',
    403: 'PermissionDeniedError',
    404: 'NotFoundError',
    409: 'ConflictError',
    422: 'UnprocessableEntityError',
    429: 'RateLimitError',
  };
  return byStatus[status] ?? (status >= 500 ? 'InternalServerError' : 'APIError');
}

const isValidDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());
const isOptional = (value: unknown, test: (value: unknown) => boolean) => value === undefined || test(value);
const isString = (value: unknown) => typeof value === 'string';
const isNonNegativeFinite = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * What is wrong with a normalized task, as a list of short problems (empty when it is valid):
 * the contract of `Task` in DESIGN.md, field by field.
 */
export function taskProblems(task: Task, provider: AnyTaskProvider): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(task.provider === provider.name, `provider is ${JSON.stringify(task.provider)}`);
  check(
    typeof task.id === 'string' && task.id.startsWith(`${provider.name}:`),
    'id is not "<provider>:<id>"',
  );
  if (typeof task.id === 'string') {
    try {
      provider.parseRef(task.id);
    } catch {
      problems.push('id is not a reference parseRef accepts');
    }
  }
  check(TASK_STATUSES.includes(task.status), `status ${JSON.stringify(task.status)} is not one of the 8`);
  check(typeof task.providerStatus === 'string', 'providerStatus is not a string');
  check(task.isTerminal === isTerminalStatus(task.status), 'isTerminal disagrees with status');
  for (const field of ['createdAt', 'startedAt', 'finishedAt'] as const) {
    check(isOptional(task[field], isValidDate), `${field} is not a valid Date`);
  }
  check(isOptional(task.durationMs, isNonNegativeFinite), `durationMs is ${String(task.durationMs)}`);
  check(isOptional(task.error, isString), 'error is not a string');
  check(isOptional(task.cost, isString), 'cost is not a string');
  check(isPlainObject(task.metadata), 'metadata is not an object');
  check('raw' in task && task.raw !== undefined, 'raw is missing');
  check(Array.isArray(task.steps), 'steps is not an array');
  for (const step of Array.isArray(task.steps) ? task.steps : []) {
    check(isPlainObject(step), 'a step is not an object');
    check(isFiniteNumber(step.index), `a step index is ${String(step.index)}`);
    for (const field of ['url', 'goal', 'evaluation', 'memory', 'result', 'screenshotUrl'] as const) {
      check(isOptional(step[field], isString), `step.${field} is not a string`);
    }
    check(isOptional(step.actions, Array.isArray), 'step.actions is not an array');
    check(isOptional(step.timestamp, isValidDate), 'step.timestamp is not a valid Date');
    check(isOptional(step.durationMs, isNonNegativeFinite), `step.durationMs is ${String(step.durationMs)}`);
  }
  check(Array.isArray(task.artifacts), 'artifacts is not an array');
  for (const artifact of Array.isArray(task.artifacts) ? task.artifacts : []) {
    check(typeof artifact.kind === 'string', 'an artifact kind is not a string');
    check(artifact.url !== undefined || artifact.id !== undefined, 'an artifact has neither url nor id');
    for (const field of ['url', 'id', 'name'] as const) {
      check(isOptional(artifact[field], isString), `artifact.${field} is not a string`);
    }
    check(isOptional(artifact.stepIndex, isFiniteNumber), 'artifact.stepIndex is not a number');
  }
  try {
    JSON.stringify(task);
  } catch (error) {
    problems.push(`JSON.stringify(task) throws ${errorClassOf(error)}`);
  }
  return [...new Set(problems)];
}

/** What is wrong with an SDK error as users see it: not an XError, or a message that is not one line. */
export function errorProblems(error: unknown): string[] {
  if (!XError.isInstance(error)) {
    return [`${errorClassOf(error)} ${String((error as Error)?.message ?? error).slice(0, 120)}`];
  }
  const problems: string[] = [];
  if (/[\r\n]/.test(error.message)) problems.push('message is not one line');
  if (error.message.length > 500) problems.push(`message is ${error.message.length} characters long`);
  return problems;
}
