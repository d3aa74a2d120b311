import { APIUserAbortError, InvalidResponseError } from '@x/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import finished from './__fixtures__/browser-use-task-finished.json';
import { BROWSER_USE_DEFAULT_BASE_URL, createBrowserUse } from './index';

const BASE = 'https://api.browser-use.com/api/v2';
const ID = finished.id;
const provider = createBrowserUse({ apiKey: 'test-key', maxRetries: 0 });

// Request options, light views, conversion details, shape guards, references and constants that the other
// test files left open (found by a mutation test of this package).
describe('details', () => {
  it('pollTask and api.getTaskStatus pass the signal and per-call headers', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.pollTask(ID, { signal: controller.signal })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    await expect(provider.api.getTaskStatus(ID, { signal: controller.signal })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    nock(BASE, { reqheaders: { 'x-call': '1' } })
      .get(`/tasks/${ID}/status`)
      .reply(200, { id: ID, status: 'started' });
    await provider.pollTask(ID, { headers: { 'x-call': '1' } });
  });

  it('pollTask keeps isSuccess false and the cost string as sent', async () => {
    nock(BASE)
      .get(`/tasks/${ID}/status`)
      .reply(200, { id: ID, status: 'finished', isSuccess: false, cost: '0.0210' });
    const task = await provider.pollTask(ID);
    expect(task.metadata).toEqual({ isSuccess: false });
    expect(task.cost).toBe('0.0210');
  });

  it('a failed task whose output is only whitespace has no error', async () => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, { id: ID, status: 'failed', output: ' \n ' });
    expect(await provider.pollTask(ID)).not.toHaveProperty('error');
  });

  it('an output file with a null fileName gives an artifact without a name', async () => {
    const fileId = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, outputFiles: [{ id: fileId, fileName: null }] });
    const task = await provider.getTask(ID);
    expect(task.artifacts.filter((a) => a.kind === 'file')).toEqual([{ kind: 'file', id: fileId }]);
  });

  it('a screenshot url repeated by two steps is an artifact of each step', async () => {
    const url = 'https://cdn.browser-use.com/s.png';
    const steps = finished.steps.map((step) => ({ ...step, screenshotUrl: url }));
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, steps });
    const task = await provider.getTask(ID);
    expect(task.artifacts.filter((a) => a.kind === 'screenshot').map((a) => a.stepIndex)).toEqual([1, 2]);
  });

  it('JSON scalar actions are decoded; an empty memory is kept', async () => {
    const steps = [{ ...finished.steps[0], actions: ['"done"', '42'], memory: '' }];
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, steps });
    const [step] = (await provider.getTask(ID)).steps;
    expect(step?.actions).toEqual(['done', 42]);
    expect(step?.memory).toBe('');
  });

  it.each([
    ['a missing sessionId', { sessionId: undefined }, /TaskView\.sessionId should be a string/],
    [
      'actions that are a string',
      { steps: [{ number: 1, actions: 'click' }] },
      /steps\[0\]\.actions should be an array/,
    ],
    ['a numeric file id', { outputFiles: [{ id: 7 }] }, /outputFiles\[0\]\.id should be a string/],
    [
      'a missing outputFiles',
      { outputFiles: undefined },
      /TaskView\.outputFiles should be an array, got undefined/,
    ],
    ['a null step', { steps: [null] }, /TaskView\.steps\[0\] should be an object, got null/],
  ])('rejects a TaskView with %s, saying what is wrong', async (_name, patch, message) => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, { ...finished, ...patch });
    const error = await provider.api.getTask(ID).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a TaskStatusView that is null or an array, saying so', async () => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, []);
    await expect(provider.api.getTaskStatus(ID)).rejects.toThrow(
      /expected a TaskStatusView object, got an array/,
    );
  });

  it('formatRef keeps the case of the uuid (same as Task.id)', () => {
    const upper = ID.toUpperCase();
    expect(provider.formatRef(upper)).toBe(`browser-use:${upper}`);
  });

  it('the exported default base URL', () => {
    expect(BROWSER_USE_DEFAULT_BASE_URL).toBe('https://api.browser-use.com/api/v2');
  });
});
