import { InvalidArgumentError, InvalidResponseError } from '@x/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import allNull from './__fixtures__/browser-use-task-all-null.json';
import finished from './__fixtures__/browser-use-task-finished.json';
import { createBrowserUse } from './browser-use-provider';

const BASE = 'https://api.browser-use.com/api/v2';
const ID = finished.id;
const provider = createBrowserUse({ apiKey: 'test-key', maxRetries: 0 });

describe('api.getTask', () => {
  it('GETs /tasks/{task_id} and returns the TaskView as sent', async () => {
    nock(BASE).get(`/tasks/${ID}`).reply(200, finished);
    expect(await provider.api.getTask(ID)).toEqual(finished);
  });

  it('sends the key, the user agent, settings headers and per-call headers', async () => {
    let seen: Record<string, unknown> = {};
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(function () {
        seen = this.req.headers;
        return [200, finished];
      });
    const custom = createBrowserUse({ apiKey: 'k-1', maxRetries: 0, headers: { 'x-trace': '1' } });
    await custom.api.getTask(ID, { headers: { 'x-call': '2' } });
    expect(seen).toMatchObject({
      'x-browser-use-api-key': 'k-1',
      'x-trace': '1',
      'x-call': '2',
      accept: 'application/json',
    });
    expect(String(seen['user-agent'])).toContain('@x/browser-use/0.0.0-test');
  });

  it('accepts bodies whose optional fields are all null, or missing', async () => {
    nock(BASE).get(`/tasks/${allNull.id}`).reply(200, allNull);
    expect(await provider.api.getTask(allNull.id)).toEqual(allNull);
    const { id, sessionId, llm, task, status, createdAt, steps, outputFiles } = allNull;
    const minimal = { id, sessionId, llm, task, status, createdAt, steps, outputFiles };
    nock(BASE).get(`/tasks/${allNull.id}`).reply(200, minimal);
    expect(await provider.api.getTask(allNull.id)).toEqual(minimal);
  });

  it('keeps extra fields and unknown status words', async () => {
    const body = { ...finished, status: 'archived', newField: { a: 1 } };
    nock(BASE).get(`/tasks/${ID}`).reply(200, body);
    expect(await provider.api.getTask(ID)).toEqual(body);
  });

  it.each([
    ['a body that is not an object', [finished], /expected a TaskView object, got an array/],
    [
      'a missing required field',
      { ...finished, status: undefined },
      /TaskView\.status should be a string, got undefined/,
    ],
    [
      'steps that are not an array',
      { ...finished, steps: null },
      /TaskView\.steps should be an array, got null/,
    ],
    [
      'a step without a number',
      { ...finished, steps: [{ url: 'x' }] },
      /TaskView\.steps\[0\]\.number should be a number/,
    ],
    [
      'a file without an id',
      { ...finished, outputFiles: [{ fileName: 'a' }] },
      /outputFiles\[0\]\.id should be a string/,
    ],
  ])('rejects %s with InvalidResponseError', async (_name, body, message) => {
    nock(BASE)
      .get(`/tasks/${ID}`)
      .reply(200, body as object);
    const error = await provider.api.getTask(ID).catch((caught: unknown) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as InvalidResponseError).body).toContain('"id"');
  });

  it.each([
    'task_1',
    '',
    'b7c2f0de-5a61-4f0e-9d3c-2f8a1e6b9c4',
    '../billing/account',
    `${ID}/status`,
    `${ID}\n`,
  ])('rejects the task id %j with InvalidArgumentError before any request', async (taskId) => {
    const error = await provider.api.getTask(taskId).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('taskId');
    expect(nock.isDone()).toBe(true);
  });
});

describe('api.getTaskStatus', () => {
  const statusView = {
    id: ID,
    status: 'finished',
    output: 'done',
    finishedAt: '2025-09-01T10:00:19.25',
    isSuccess: true,
    cost: '0.0210',
  };

  it('GETs /tasks/{task_id}/status and returns the TaskStatusView', async () => {
    let seen: Record<string, unknown> = {};
    nock(BASE)
      .get(`/tasks/${ID}/status`)
      .reply(function () {
        seen = this.req.headers;
        return [200, statusView];
      });
    expect(await provider.api.getTaskStatus(ID)).toEqual(statusView);
    expect(seen['x-browser-use-api-key']).toBe('test-key');
  });

  it('accepts the minimal view and rejects one without a status', async () => {
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, { id: ID, status: 'started' });
    expect(await provider.api.getTaskStatus(ID)).toEqual({ id: ID, status: 'started' });
    nock(BASE).get(`/tasks/${ID}/status`).reply(200, { id: ID });
    await expect(provider.api.getTaskStatus(ID)).rejects.toThrow(/TaskStatusView\.status should be a string/);
  });

  it('rejects a non-uuid before any request', async () => {
    await expect(provider.api.getTaskStatus('nope')).rejects.toSatisfy(InvalidArgumentError.isInstance);
  });
});
