import { runConformanceTests } from '@x/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import allNull from '../__fixtures__/browser-use-task-all-null.json';
import { type BrowserUseProvider, createBrowserUse } from '../browser-use-provider';
import { mapBrowserUseStatus } from '../map-browser-use-status';
import { createBrowserUseSandbox } from './create-browser-use-sandbox';

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const BAD_IDS = ['..', 'a/b', 'x\r\ny', `${UUID}/..`];

runConformanceTests(
  { describe, it, beforeAll, afterAll },
  {
    name: 'browser-use',
    createProvider: createBrowserUse,
    createSandbox: () => createBrowserUseSandbox(),
    apiKeyEnvironmentVariable: 'BROWSER_USE_API_KEY',
    baseURLEnvironmentVariable: 'BROWSER_USE_BASE_URL',
    mapStatus: mapBrowserUseStatus,
    statusTable: [
      ['created', 'queued'],
      ['started', 'running'],
      ['finished', 'succeeded'],
      ['failed', 'failed'],
      ['stopped', 'cancelled'],
    ],
    bodyWithStatus: (word) => ({ ...allNull, status: word }),
    // A body whose id differs from every reference: the task's id must come from the reference.
    pollBodyWithStatus: (word) => ({ id: UUID, status: word, output: null, finishedAt: null }),
    outcomes: ['succeeded', 'failed', 'cancelled'],
    apiCallsWithBadIds: (provider) => {
      const { api } = provider as BrowserUseProvider;
      return BAD_IDS.flatMap((id) => [() => api.getTask(id), () => api.getTaskStatus(id)]);
    },
    errorCases: [
      {
        status: 400,
        body: { detail: 'Session is stopped' },
        errorClass: 'BadRequestError',
        messageIncludes: 'Session is stopped',
      },
      {
        status: 401,
        body: { detail: 'Invalid API key' },
        errorClass: 'AuthenticationError',
        messageIncludes: 'Invalid API key',
      },
      {
        status: 402,
        body: { detail: 'Insufficient credits' },
        errorClass: 'PaymentRequiredError',
        messageIncludes: 'Insufficient credits',
      },
      {
        status: 404,
        body: { detail: 'Task not found' },
        errorClass: 'NotFoundError',
        messageIncludes: 'Task not found',
      },
      {
        status: 422,
        body: {
          detail: [{ loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }],
        },
        errorClass: 'UnprocessableEntityError',
        messageIncludes: 'path.task_id: Input should be a valid UUID',
      },
      {
        status: 422,
        body: { loc: ['body', 'action'], msg: 'Field required', type: 'missing' },
        errorClass: 'UnprocessableEntityError',
        messageIncludes: 'body.action: Field required',
      },
      {
        status: 429,
        body: { error: 'Rate limit exceeded', limit_rps: 10, retry_after_seconds: 2 },
        errorClass: 'RateLimitError',
        messageIncludes: 'Rate limit exceeded (limit 10 requests/s',
        retryAfterMs: 2_000, // from the body's seconds: no Retry-After header
      },
      {
        status: 500,
        body: { detail: 'An internal server error occurred' },
        errorClass: 'InternalServerError',
        messageIncludes: 'An internal server error occurred',
      },
    ],
    invalidStringRefs: [
      '',
      'browser-use:',
      'browser-use:task_1',
      `anchor:${UUID}`,
      `browser-use:${UUID}/x`,
      'x',
    ],
    invalidRefs: [
      '',
      'task_1',
      `${UUID}/status`,
      '..',
      `${UUID}\r\n`,
      `../${UUID}`,
      `${UUID}?x=1`,
      `${UUID}%2F`,
    ],
  },
);
