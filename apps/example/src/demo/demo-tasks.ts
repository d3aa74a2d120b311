import { formatAnchorRef } from '@x/anchor';
import { formatBrowserUseRef } from '@x/browser-use';
import { formatBrowserAIRef } from '@x/browserai';
import type { TaskStatus } from '@x/core';
import type { Sandboxes } from './start-sandboxes';

/** One scripted task of the demo. */
export interface DemoTask {
  /** The reference in string form, as `get` and `watch` take it. */
  ref: string;
  /** What happens to it, in a few words. */
  label: string;
  /** The status its script ends on. */
  expected: TaskStatus;
  /** A fault on the task's own path, injected once the task is seen running. */
  injectFault?: () => void;
}

/**
 * Registers the demo's nine tasks, three per vendor, with different fates: success on each vendor, a
 * failure, a timeout, a cancel, a paused BrowserAI task, and two that meet a retryable answer on the way
 * (a 503, and a 429 with `Retry-After: 1`) yet still succeed. Each finishes within about 3 seconds.
 */
export function createDemoTasks({ browserUse, anchor, browserai }: Sandboxes): DemoTask[] {
  const flaky = browserUse.createTask({ steps: 3, stepMs: 600 });
  const rateLimited = anchor.createTask({ api: 'v2', steps: 3, stepMs: 550 });
  return [
    {
      ref: formatBrowserUseRef(browserUse.createTask({ steps: 4, stepMs: 500 })),
      label: 'succeeds after 4 steps',
      expected: 'succeeded',
    },
    {
      ref: formatBrowserUseRef(
        browserUse.createTask({
          outcome: 'failed',
          steps: 2,
          stepMs: 500,
          error: 'The agent failed: a CAPTCHA blocks the login page',
        }),
      ),
      label: 'fails on a CAPTCHA',
      expected: 'failed',
    },
    {
      ref: formatBrowserUseRef(flaky),
      label: 'meets a 503 on the way, then succeeds',
      expected: 'succeeded',
      injectFault: () =>
        browserUse.injectFault({
          match: { method: 'GET', path: `/api/v2/tasks/${flaky}` },
          status: 503,
          body: { detail: 'Service temporarily unavailable' },
        }),
    },
    {
      ref: formatAnchorRef(anchor.createTask({ steps: 3, stepMs: 700 })),
      label: 'succeeds (a legacy task execution)',
      expected: 'succeeded',
    },
    {
      ref: formatAnchorRef(rateLimited),
      label: 'meets a 429 with Retry-After: 1, then succeeds',
      expected: 'succeeded',
      injectFault: () =>
        anchor.injectFault({
          match: { method: 'GET', path: `/v2/tasks/runs/${rateLimited.runId}/status` },
          status: 429,
          headers: { 'retry-after': '1' },
          body: { error: { code: 429, message: 'Rate limit exceeded' } },
        }),
    },
    {
      ref: formatAnchorRef(anchor.createTask({ api: 'v2', outcome: 'timed_out', steps: 2, stepMs: 900 })),
      label: 'times out',
      expected: 'timed_out',
    },
    {
      ref: formatBrowserAIRef(browserai.createTask({ steps: 5, stepMs: 550 })),
      label: 'succeeds after 5 steps',
      expected: 'succeeded',
    },
    {
      ref: formatBrowserAIRef(browserai.createTask({ outcome: 'paused', steps: 2, stepMs: 700 })),
      label: 'pauses, waiting for an answer',
      expected: 'paused',
    },
    {
      ref: formatBrowserAIRef(browserai.createTask({ outcome: 'cancelled', steps: 3, stepMs: 600 })),
      label: 'is stopped by its user',
      expected: 'cancelled',
    },
  ];
}
