import { runConformanceTests } from '@x/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type BrowserAIProvider, createBrowserAI } from '../browserai-provider';
import { mapBrowserAIStatus } from '../map-browserai-status';
import { createBrowserAISandbox } from './create-browserai-sandbox';

runConformanceTests(
  { describe, it, beforeAll, afterAll },
  {
    name: 'browserai',
    createProvider: createBrowserAI,
    createSandbox: () => createBrowserAISandbox(),
    outcomes: ['succeeded', 'failed', 'cancelled', 'paused'],
    apiCallsWithBadIds: (provider) => {
      const { api } = provider as BrowserAIProvider;
      return ['..', 'a/b', 'x\r\ny', '.'].flatMap((id) => [() => api.getTask(id), () => api.getResults(id)]);
    },
    apiKeyEnvironmentVariable: 'BROWSERAI_API_KEY',
    baseURLEnvironmentVariable: 'BROWSERAI_BASE_URL',
    mapStatus: mapBrowserAIStatus,
    statusTable: [
      ['finalized', 'succeeded'],
      ['failed', 'failed'],
      ['stopped', 'cancelled'],
      ['awaiting', 'paused'],
      ['running', 'running'],
      ['in_progress', 'running'],
      ['queued', 'queued'],
      ['pending', 'queued'],
    ],
    bodyWithStatus: (word) => ({
      executionId: null,
      scriptId: null,
      scriptType: null,
      status: word,
      progress: null,
      started: null,
      estimatedCompletion: null,
    }),
    errorCases: [
      {
        status: 401,
        body: { error: 'Unauthorized' },
        errorClass: 'AuthenticationError',
        messageIncludes: 'Unauthorized',
      },
      {
        status: 404,
        body: { error: 'Task not found' },
        errorClass: 'NotFoundError',
        messageIncludes: 'Task not found',
      },
      {
        status: 500,
        body: { error: 'Internal server error' },
        errorClass: 'InternalServerError',
        messageIncludes: 'Internal server error',
      },
    ],
    invalidStringRefs: [
      '',
      'browserai:',
      'browserai:  ',
      'browserai:a/b',
      'browserai:..',
      'browserai:a\r\nb',
      'browserai:%2e%2e',
    ],
    invalidRefs: [
      '',
      ' ',
      '..',
      'a/b',
      '../x',
      '%2e%2e',
      'a?x=1',
      'a#b',
      'a\r\nb',
      'a\u0000b',
      'a'.repeat(10_000),
    ],
  },
);
