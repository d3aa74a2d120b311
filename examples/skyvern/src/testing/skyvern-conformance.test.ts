import { runConformanceTests } from '@x/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { mapSkyvernStatus } from '../map-skyvern-status';
import { createSkyvern, type SkyvernProvider } from '../skyvern-provider';
import { createSkyvernSandbox } from './create-skyvern-sandbox';

// The cases every provider must pass (see @x/core/testing), against Skyvern's sandbox.
runConformanceTests(
  { describe, it, beforeAll, afterAll },
  {
    name: 'skyvern',
    createProvider: createSkyvern,
    createSandbox: () => createSkyvernSandbox(),
    reportsSteps: false, // a Skyvern run has no step list
    apiCallsWithBadIds: (provider) => {
      const { api } = provider as SkyvernProvider;
      return ['..', 'a/b', 'x\r\ny', '.'].map((id) => () => api.getRun(id));
    },
    outcomes: ['succeeded', 'failed', 'cancelled', 'timed_out', 'paused'],
    apiKeyEnvironmentVariable: 'SKYVERN_API_KEY',
    baseURLEnvironmentVariable: 'SKYVERN_BASE_URL',
    mapStatus: mapSkyvernStatus,
    // Every word of the spec's `RunStatus`.
    statusTable: [
      ['created', 'queued'],
      ['queued', 'queued'],
      ['running', 'running'],
      ['paused', 'paused'],
      ['timed_out', 'timed_out'],
      ['failed', 'failed'],
      ['terminated', 'failed'],
      ['completed', 'succeeded'],
      ['canceled', 'cancelled'],
    ],
    bodyWithStatus: (word) => ({
      run_id: 'tsk_v2_123',
      status: word,
      output: null,
      failure_reason: null,
      created_at: '2025-01-01T00:00:00Z',
      modified_at: '2025-01-01T00:05:00Z',
      run_type: 'task_v2',
    }),
    // FastAPI's bodies, as Skyvern sends them.
    errorCases: [
      {
        status: 403,
        body: { detail: 'Invalid credentials' },
        errorClass: 'PermissionDeniedError',
        messageIncludes: 'Invalid credentials',
      },
      {
        status: 404,
        body: { detail: 'Task run not found tsk_v2_123' },
        errorClass: 'NotFoundError',
        messageIncludes: 'Task run not found tsk_v2_123',
      },
      {
        status: 422,
        body: { detail: [{ loc: ['path', 'run_id'], msg: 'Field required', type: 'missing' }] },
        errorClass: 'UnprocessableEntityError',
        messageIncludes: 'path.run_id: Field required',
      },
      {
        status: 500,
        body: 'Internal Server Error',
        errorClass: 'InternalServerError',
        messageIncludes: 'Internal Server Error',
      },
      {
        status: 502,
        body: '<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>',
        errorClass: 'InternalServerError',
        messageIncludes: '502 Bad Gateway',
      },
    ],
    invalidStringRefs: [
      '',
      'skyvern:',
      'skyvern:  ',
      'skyvern:tsk_1/cancel',
      'skyvern:..',
      'skyvern:tsk_1\r\n',
      'skyvern:%2e%2e',
    ],
    invalidRefs: [
      '',
      ' ',
      '..',
      'tsk_1/cancel',
      '../x',
      '%2e%2e',
      'tsk_1?x=1',
      'tsk_1#b',
      'tsk_1\r\nx',
      'a'.repeat(10_000),
    ],
  },
);
