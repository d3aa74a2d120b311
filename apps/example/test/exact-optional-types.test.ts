// Consumers who turn on `exactOptionalPropertyTypes` (this app does, in its tsconfig) can pass an option
// they hold as `T | undefined` straight through: the published option types accept an explicit
// `undefined`, and at run time it means the default. The type-check (against the built .d.ts files)
// proves the first half, this test the second, against the sandboxes.
import { createAnchor } from '@x/anchor';
import { createAnchorSandbox } from '@x/anchor/testing';
import { createBrowserUse } from '@x/browser-use';
import { createBrowserUseSandbox } from '@x/browser-use/testing';
import { createBrowserAI } from '@x/browserai';
import { createBrowserAISandbox } from '@x/browserai/testing';
import {
  createTask,
  createTaskClient,
  type RequestOptions,
  type WaitForTaskOptions,
  waitForTask,
} from '@x/core';
import { describe, expect, it } from 'vitest';

/** What an app often holds: every option possibly unset. */
const unset: string | undefined = process.env.X_EXAMPLE_NEVER_SET;
const unsetNumber = unset === undefined ? undefined : Number(unset);

const settings = {
  fetch: undefined,
  headers: undefined,
  timeoutMs: unsetNumber,
  maxRetries: unsetNumber,
  maxResponseBytes: unsetNumber,
  maxRetryDelayMs: unsetNumber,
  initialRetryDelayMs: unsetNumber,
};
const request: RequestOptions = {
  signal: undefined,
  timeoutMs: unsetNumber,
  maxRetries: undefined,
  headers: undefined,
};
const wait: WaitForTaskOptions = {
  intervalMs: 5,
  maxIntervalMs: unsetNumber,
  backoffFactor: undefined,
  timeoutMs: unsetNumber,
  signal: undefined,
  onUpdate: undefined,
  stopOnPaused: undefined,
  request: { timeoutMs: unsetNumber, maxRetries: undefined, headers: undefined },
};

describe('explicit undefined options (exactOptionalPropertyTypes)', () => {
  it('createTask, for provider authors, takes undefined fields and leaves them out', () => {
    const task = createTask({
      provider: 'acme',
      id: 'acme:1',
      status: 'running',
      providerStatus: 'busy',
      raw: {},
      error: unset,
      output: undefined,
      finishedAt: unset === undefined ? undefined : new Date(unset),
      cost: undefined,
    });
    expect(Object.keys(task).sort()).toEqual(
      [
        'artifacts',
        'id',
        'isTerminal',
        'metadata',
        'provider',
        'providerStatus',
        'raw',
        'status',
        'steps',
      ].sort(),
    );
  });

  it('are accepted by every factory, sandbox and polling call, and mean the defaults', async () => {
    const browserUseSandbox = await createBrowserUseSandbox({
      apiKey: unset,
      now: undefined,
      random: undefined,
    });
    const anchorSandbox = await createAnchorSandbox({ apiKey: unset, now: undefined, random: undefined });
    const browserAISandbox = await createBrowserAISandbox({
      apiKey: unset,
      now: undefined,
      random: undefined,
    });
    try {
      const browserUse = createBrowserUse({
        ...settings,
        apiKey: browserUseSandbox.apiKey,
        baseURL: browserUseSandbox.baseURL,
      });
      const anchor = createAnchor({
        ...settings,
        apiKey: anchorSandbox.apiKey,
        baseURL: anchorSandbox.baseURL,
      });
      const browserAI = createBrowserAI({
        ...settings,
        apiKey: browserAISandbox.apiKey,
        baseURL: browserAISandbox.baseURL,
      });

      const taskId = browserUseSandbox.createTask({
        steps: 1,
        stepMs: 1,
        output: unset,
        metadata: undefined,
      });
      expect((await browserUse.getTask(taskId, request)).provider).toBe('browser-use');
      expect((await waitForTask(browserUse, taskId, wait)).status).toBe('succeeded');

      const execution = anchorSandbox.createTask({ steps: 1, stepMs: 1, output: unset, error: undefined });
      expect((await waitForTask(anchor, execution, wait)).status).toBe('succeeded');

      const sessionId = browserAISandbox.createTask({ steps: 1, stepMs: 1, outcome: undefined });
      const client = createTaskClient({
        providers: [browserUse, anchor, browserAI],
        concurrency: unsetNumber,
      });
      const [outcome] = await client.waitMany([`browserai:${sessionId}`], wait);
      expect(outcome?.task?.status).toBe('succeeded');
    } finally {
      await Promise.all([browserUseSandbox.close(), anchorSandbox.close(), browserAISandbox.close()]);
    }
  });
});
