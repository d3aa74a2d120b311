import { describe, expect, it } from 'vitest';
import type { AnchorTaskExecutionResult } from './anchor-api-types';
import { formatAnchorRef } from './anchor-ref';
import { convertAnchorTask } from './convert-anchor-task';

const ref = {
  taskId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  executionId: '7f1e2d3c-4b5a-4697-8877-665544332211',
};
const execution: AnchorTaskExecutionResult = {
  id: ref.executionId,
  taskVersionId: '5d0c8f7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f',
  version: '3',
  status: 'success',
  output: 'done',
  errorMessage: null,
  startTime: '2023-11-07T05:31:56Z',
  executionTime: 4500,
};
const response = <T>(data: T) => ({ data, status: 200, headers: {}, requestId: 'req_1', url: 'https://x' });

describe('convertAnchorTask', () => {
  it('prints the id as formatAnchorRef does, for both kinds of reference', () => {
    expect(convertAnchorTask(ref, response(execution)).id).toBe(formatAnchorRef(ref));
    const run = { runId: 'run_1' };
    const task = convertAnchorTask(run, response({ run_id: 'run_1', status: 'running' }));
    expect(task.id).toBe(formatAnchorRef(run));
  });

  it('reads the body as the kind of reference asked for, whatever extra fields it carries', () => {
    // An execution result that also sends a `run_id` (a field the spec does not know) is still one.
    const task = convertAnchorTask(ref, response({ ...execution, run_id: 'run_1', status: 'failure' }));
    expect(task).toMatchObject({
      status: 'failed',
      output: 'done',
      startedAt: new Date('2023-11-07T05:31:56Z'),
      durationMs: 4500,
      metadata: { taskVersionId: execution.taskVersionId, version: '3' },
    });
    expect(task.raw).toMatchObject({ run_id: 'run_1' });
    // And a run status with execution-result fields next to its own is read as a run status.
    const run = convertAnchorTask(
      { runId: 'run_1' },
      response({ run_id: 'run_1', status: 'success', result: { ok: true }, output: 'ignored' }),
    );
    expect(run).toMatchObject({ status: 'succeeded', output: { ok: true }, metadata: {} });
    expect('startedAt' in run).toBe(false);
  });

  it('keeps the field order', () => {
    expect(Object.keys(convertAnchorTask(ref, response(execution)))).toEqual([
      'provider',
      'id',
      'status',
      'providerStatus',
      'response',
      'startedAt',
      'finishedAt',
      'durationMs',
      'output',
      'metadata',
      'raw',
      'isTerminal',
      'steps',
      'artifacts',
    ]);
  });

  it('reports no finishedAt past the range of Date, and keeps the duration', () => {
    const late = { ...execution, startTime: '9999-12-31T23:59:59Z' };
    const beyond = convertAnchorTask(ref, response({ ...late, executionTime: 1e16 }));
    expect('finishedAt' in beyond).toBe(false);
    expect(beyond.durationMs).toBe(1e16);
    expect(convertAnchorTask(ref, response({ ...late, executionTime: 1000 })).finishedAt).toEqual(
      new Date('+010000-01-01T00:00:00Z'),
    );
  });

  it('a negative or non-finite executionTime gives neither a duration nor a finish time', () => {
    for (const executionTime of [-5_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const task = convertAnchorTask(ref, response({ ...execution, executionTime }));
      expect(task.startedAt).toEqual(new Date('2023-11-07T05:31:56Z'));
      expect(task.durationMs).toBeUndefined();
      expect(task.finishedAt).toBeUndefined();
    }
    const running = convertAnchorTask(
      ref,
      response({ ...execution, status: 'running', executionTime: 4500 }),
    );
    expect(running.finishedAt).toBeUndefined();
    const done = convertAnchorTask(ref, response(execution));
    expect(done.finishedAt).toEqual(new Date('2023-11-07T05:32:00.500Z'));
    expect(done.durationMs).toBe(4500);
  });
});
