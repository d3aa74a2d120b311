import { createAnchorSandbox } from '@x/anchor/testing';
import { createBrowserUseSandbox } from '@x/browser-use/testing';
import { createBrowserAISandbox } from '@x/browserai/testing';

/** One spec-shaped answer per endpoint, taken from our sandboxes (which follow the vendors' specs). */
export interface SpecBodies {
  browserUseTask: Buffer;
  anchorExecution: Buffer;
  browserAITask: Buffer;
  browserAIResults: Buffer;
  ids: {
    browserUseTaskId: string;
    anchorTaskId: string;
    anchorExecutionId: string;
    browserAISessionId: string;
  };
}

/**
 * Builds finished tasks in the three sandboxes (stepMs 0: the last stage at once) and keeps their
 * bytes: a Browser Use TaskView with 6 steps and output files, an Anchor execution `{ data: {...} }`,
 * a finalized BrowserAI task and its 5 results.
 */
export async function loadSpecBodies(): Promise<SpecBodies> {
  const browserUse = await createBrowserUseSandbox();
  const anchor = await createAnchorSandbox();
  const browserAI = await createBrowserAISandbox();
  try {
    const browserUseTaskId = browserUse.createTask({ steps: 6, stepMs: 0 });
    const { taskId: anchorTaskId, executionId: anchorExecutionId } = anchor.createTask({
      steps: 3,
      stepMs: 0,
    });
    const browserAISessionId = browserAI.createTask({ steps: 5, stepMs: 0 });
    const get = async (url: string, headers: Record<string, string>) => {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`sandbox answered ${response.status} for ${url}`);
      return Buffer.from(await response.arrayBuffer());
    };
    return {
      browserUseTask: await get(`${browserUse.baseURL}/tasks/${browserUseTaskId}`, {
        'x-browser-use-api-key': browserUse.apiKey,
      }),
      anchorExecution: await get(
        `${anchor.baseURL}/v1/task/${anchorTaskId}/executions/${anchorExecutionId}`,
        { 'anchor-api-key': anchor.apiKey },
      ),
      browserAITask: await get(`${browserAI.baseURL}/tasks/${browserAISessionId}`, {
        authorization: `apikey ${browserAI.apiKey}`,
      }),
      browserAIResults: await get(`${browserAI.baseURL}/results/${browserAISessionId}`, {
        authorization: `apikey ${browserAI.apiKey}`,
      }),
      ids: { browserUseTaskId, anchorTaskId, anchorExecutionId, browserAISessionId },
    };
  } finally {
    await Promise.all([browserUse.close(), anchor.close(), browserAI.close()]);
  }
}
