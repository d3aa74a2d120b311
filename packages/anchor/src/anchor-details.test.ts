import { APIUserAbortError, InvalidArgumentError, InvalidResponseError } from '@x/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { convertAnchorTask } from './convert-anchor-task';
import { createAnchor, parseAnchorRef } from './index';

const BASE = 'https://api.anchorbrowser.io';
const TASK_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const EXECUTION_ID = '7f1e2d3c-4b5a-4697-8877-665544332211';
const provider = createAnchor({ apiKey: 'sk-test', maxRetries: 0 });
const execution = {
  id: EXECUTION_ID,
  taskVersionId: '5d0c8f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f',
  version: '3',
  status: 'success',
  startTime: '2023-11-07T05:31:56Z',
  executionTime: 0,
};

// Request options, light views, conversion details, shape guards, references and constants that the other
// test files left open (found by a mutation test of this package).
describe('details', () => {
  it('api.getTaskRunStatus and api.getTaskExecutionResult pass the signal and headers', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.api.getTaskRunStatus('run_1', { signal: controller.signal })).rejects.toSatisfy(
      APIUserAbortError.isInstance,
    );
    await expect(
      provider.api.getTaskExecutionResult(TASK_ID, EXECUTION_ID, { signal: controller.signal }),
    ).rejects.toSatisfy(APIUserAbortError.isInstance);
    nock(BASE, { reqheaders: { 'x-call': '1' } })
      .get('/v2/tasks/runs/run_1/status')
      .reply(200, { run_id: 'run_1', status: 'running' });
    await provider.api.getTaskRunStatus('run_1', { headers: { 'x-call': '1' } });
  });

  it('an executionTime of 0 is a duration of 0 and finishes at the start', () => {
    const task = convertAnchorTask({ taskId: TASK_ID, executionId: EXECUTION_ID }, {
      data: execution,
      status: 200,
      headers: {},
      url: 'https://x',
    } as never);
    expect(task.durationMs).toBe(0);
    expect(task.finishedAt).toEqual(new Date('2023-11-07T05:31:56Z'));
  });

  it('rejects an execution result without taskVersionId or version', async () => {
    const path = `/v1/task/${TASK_ID}/executions/${EXECUTION_ID}`;
    nock(BASE)
      .get(path)
      .reply(200, { data: { ...execution, taskVersionId: undefined, version: 3 } });
    const error = await provider.api.getTaskExecutionResult(TASK_ID, EXECUTION_ID).catch((caught) => caught);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.message).toContain('data.taskVersionId');
    expect(error.message).toContain('data.version');
  });

  it('rejects an array run status, saying it is an array', async () => {
    nock(BASE)
      .get('/v2/tasks/runs/run_1/status')
      .reply(200, [{ run_id: 'run_1', status: 'running' }]);
    await expect(provider.api.getTaskRunStatus('run_1')).rejects.toThrow(
      /expected a TaskRunStatusV2Response object, got an array/,
    );
  });

  it('the api prints its safe summary', () => {
    expect(String(provider.api)).toBe('AnchorApi {"name":"anchor","baseURL":"https://api.anchorbrowser.io"}');
    expect(JSON.parse(JSON.stringify(provider.api))).toEqual({ name: 'anchor', baseURL: BASE });
  });

  it.each([
    `anchor:${TASK_ID}/${EXECUTION_ID}\n`,
    ` ${TASK_ID}/${EXECUTION_ID}`,
    'anchor:run/run_1\n',
    'anchor:RUN/run_1',
  ])('parseRef rejects %j', (text) => {
    let caught: unknown;
    try {
      parseAnchorRef(text);
    } catch (error) {
      caught = error;
    }
    expect(InvalidArgumentError.isInstance(caught)).toBe(true);
    expect((caught as InvalidArgumentError).argument).toBe('ref');
  });
});
