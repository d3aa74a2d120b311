import { APIUserAbortError, InternalServerError, InvalidResponseError } from '@x/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { convertBrowserAITask } from './convert-browserai-task';
import { BROWSERAI_DEFAULT_BASE_URL, createBrowserAI, formatBrowserAIRef, parseBrowserAIRef } from './index';

const BASE = 'https://browser.ai/api/v1';
const provider = createBrowserAI({ apiKey: 'sk-test-0123456789', maxRetries: 0 });
const response = <T>(data: T) => ({ data, status: 200, headers: {}, url: 'https://x' });

// Request options, light views, conversion details, shape guards, references and constants that the other
// test files left open (found by a mutation test of this package).
describe('details', () => {
  it('api.getResults passes the signal and headers', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.api.getResults('sess_1', { signal: controller.signal })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    nock(BASE, { reqheaders: { 'x-call': '1' } })
      .get('/results/sess_1')
      .reply(200, { results: [] });
    await provider.api.getResults('sess_1', { headers: { 'x-call': '1' } });
  });

  it('reads goal, evaluation and memory from a flat model_output (no current_state)', () => {
    const model_output = JSON.stringify({
      evaluation_previous_goal: 'Success',
      memory: 'On the page',
      next_goal: 'Click login',
      action: [{ click_element: { index: 3 } }],
    });
    const task = convertBrowserAITask({
      sessionId: 's',
      task: response({ status: 'finalized' }),
      results: response({ results: [{ history_index: 0, model_output }] }),
    });
    expect(task.steps[0]).toMatchObject({
      goal: 'Click login',
      evaluation: 'Success',
      memory: 'On the page',
      actions: [{ click_element: { index: 3 } }],
    });
  });

  it('decodes JSON text with surrounding whitespace', () => {
    const task = convertBrowserAITask({
      sessionId: 's',
      task: response({ status: 'finalized' }),
      results: response({ results: [{ history_index: 0, state: '\n  {"url":"https://a.example/"}\n' }] }),
    });
    expect(task.steps[0]?.url).toBe('https://a.example/');
  });

  it('a failed run keeps its end time from the results', () => {
    const task = convertBrowserAITask({
      sessionId: 's',
      task: response({ status: 'failed', started: '2025-03-04T10:15:30Z', error: 'boom' }),
      results: response({ status: 'failed', completed: '2025-03-04T10:16:00Z', results: [] }),
    });
    expect(task.finishedAt).toEqual(new Date('2025-03-04T10:16:00Z'));
    expect(task.durationMs).toBe(30_000);
  });

  it('the task body wins for the start; progressStatus is progress.status', () => {
    const task = convertBrowserAITask({
      sessionId: 's',
      task: response({
        status: 'finalized',
        started: '2025-03-04T10:15:30Z',
        progress: { status: 'completed' },
      }),
      results: response({ started: '2025-03-04T10:15:31Z', results: [] }),
    });
    expect(task.startedAt).toEqual(new Date('2025-03-04T10:15:30Z'));
    expect(task.metadata.progressStatus).toBe('completed');
  });

  it('a blank {error} falls back to the status text', async () => {
    nock(BASE).get('/tasks/sess_1').reply(500, { error: '   ' });
    const error = await provider.getTask('sess_1').catch((caught: unknown) => caught);
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('browserai 500: Internal Server Error');
  });

  it('rejects results whose status is not a string', async () => {
    nock(BASE).get('/results/sess_1').reply(200, { status: 5, results: [] });
    await expect(provider.api.getResults('sess_1')).rejects.toSatisfy(InvalidResponseError.isInstance);
  });

  it('formatRef keeps the session id as parseRef returns it', () => {
    expect(formatBrowserAIRef(parseBrowserAIRef('browserai:sess 1 '))).toBe('browserai:sess 1 ');
  });

  it('the exported default base URL', () => {
    expect(BROWSERAI_DEFAULT_BASE_URL).toBe('https://browser.ai/api/v1');
  });
});
