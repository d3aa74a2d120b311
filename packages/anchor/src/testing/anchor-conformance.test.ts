import type { TaskProvider } from '@x/core';
import { runConformanceTests } from '@x/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type AnchorProvider, createAnchor } from '../anchor-provider';
import type { AnchorTaskRef } from '../anchor-ref';
import { mapAnchorStatus } from '../map-anchor-status';
import { createAnchorSandbox } from './create-anchor-sandbox';

const UUID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

const statusTable = [
  ['queued', 'queued'],
  ['running', 'running'],
  ['success', 'succeeded'],
  ['failure', 'failed'],
  ['timeout', 'timed_out'],
  ['cancelled', 'cancelled'],
] as const;

const errorCases = [
  {
    status: 400,
    body: { error: { code: 400, message: 'Invalid request parameters' } },
    errorClass: 'BadRequestError',
    messageIncludes: 'Invalid request parameters',
  },
  {
    status: 401,
    body: { error: { code: 401, message: 'Invalid API key' } },
    errorClass: 'AuthenticationError',
    messageIncludes: 'Invalid API key',
  },
  {
    status: 404,
    body: { error: { code: 404, message: 'Task or execution result not found' } },
    errorClass: 'NotFoundError',
    messageIncludes: 'Task or execution result not found',
  },
  {
    status: 429,
    body: { error: { code: 429, message: 'Too many requests' } },
    errorClass: 'RateLimitError',
    messageIncludes: 'Too many requests',
  },
  {
    status: 500,
    body: { error: { code: 500, message: 'Failed to retrieve execution result' } },
    errorClass: 'InternalServerError',
    messageIncludes: 'Failed to retrieve execution result',
  },
  {
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
    errorClass: 'InternalServerError',
    messageIncludes: '502 Bad Gateway',
  },
];

const invalidStringRefs = [
  '',
  'anchor:',
  `anchor:${UUID}`,
  `anchor:${UUID}/x`,
  `anchor:x/${UUID}`,
  `anchor:${UUID}/${UUID}/${UUID}`,
  'anchor:run/',
  'anchor:run/a?b',
  `browser-use:${UUID}`,
];

const invalidRefs: AnchorTaskRef[] = [
  { taskId: '', executionId: UUID },
  { taskId: UUID, executionId: 'task_1' },
  { taskId: `${UUID}/..`, executionId: UUID },
  { taskId: UUID, executionId: `${UUID}\r\n` },
  { taskId: `${UUID}%2F`, executionId: UUID },
  { runId: '' },
  { runId: '..' },
  { runId: 'a/b' },
  { runId: 'run\r\nx' },
  { runId: 'run?x=1' },
  { runId: 'run%2F' },
];

const shared = {
  name: 'anchor',
  outcomes: ['succeeded', 'failed', 'cancelled', 'timed_out'] as const,
  reportsSteps: false, // Anchor reports no steps
  apiCallsWithBadIds: (provider: TaskProvider<AnchorTaskRef, unknown>) => {
    const { api } = provider as AnchorProvider;
    return ['..', 'a/b', 'x\r\ny', `${UUID}/..`].flatMap((id) => [
      () => api.getTaskExecutionResult(id, UUID),
      () => api.getTaskExecutionResult(UUID, id),
      () => api.getTaskRunStatus(id),
    ]);
  },
  createProvider: createAnchor,
  apiKeyEnvironmentVariable: 'ANCHORBROWSER_API_KEY',
  baseURLEnvironmentVariable: 'ANCHORBROWSER_BASE_URL',
  mapStatus: mapAnchorStatus,
  statusTable,
  errorCases,
  invalidStringRefs,
  invalidRefs,
};

// Legacy executions: the sandbox's default kind of task.
runConformanceTests<AnchorTaskRef>(
  { describe, it, beforeAll, afterAll },
  {
    ...shared,
    createSandbox: () => createAnchorSandbox(),
    bodyWithStatus: (word) => ({
      data: {
        id: UUID,
        taskVersionId: UUID,
        version: '1',
        status: word,
        output: null,
        errorMessage: null,
        startTime: '2023-11-07T05:31:56Z',
        executionTime: null,
      },
    }),
  },
);

// v2 runs: the same cases, every task created with `api: 'v2'`.
runConformanceTests<AnchorTaskRef>(
  { describe, it, beforeAll, afterAll },
  {
    ...shared,
    createSandbox: async () => {
      const sandbox = await createAnchorSandbox();
      return {
        baseURL: sandbox.baseURL,
        apiKey: sandbox.apiKey,
        server: sandbox.server,
        createTask: (options) => sandbox.createTask({ ...options, api: 'v2' }),
        close: () => sandbox.close(),
      };
    },
    bodyWithStatus: (word) => ({ run_id: UUID, status: word }),
  },
);
