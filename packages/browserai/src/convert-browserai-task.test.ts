import { describe, expect, it } from 'vitest';
import { convertBrowserAITask } from './convert-browserai-task';

const response = <T>(data: T) => ({ data, status: 200, headers: {}, url: 'https://x' });

describe('convertBrowserAITask', () => {
  it('orders the steps by history_index; equal indexes keep the vendor order, a missing one is the position', () => {
    const results = [
      { history_index: 2, result: 'a' },
      { history_index: 0, result: 'b' },
      { history_index: 2, result: 'c' },
      { history_index: null, result: 'd' },
      { history_index: 1, result: 'e', screenshot_url: 'https://s/e.png' },
    ];
    const task = convertBrowserAITask({
      sessionId: 'sess_1',
      task: response({ status: 'finalized' }),
      results: response({ results }),
    });
    expect(task.steps.map((step) => [step.index, step.result])).toEqual([
      [0, 'b'],
      [1, 'e'],
      [2, 'a'],
      [2, 'c'],
      [3, 'd'],
    ]);
    expect(task.steps.map((step) => step.raw)).toEqual([
      results[1],
      results[4],
      results[0],
      results[2],
      results[3],
    ]);
    expect(task.artifacts).toEqual([{ kind: 'screenshot', url: 'https://s/e.png', stepIndex: 1 }]);
    expect(task.output).toBe('d');
  });

  it("takes the output from the last step's result as sent, an empty one included", () => {
    const read = (results: Array<{ history_index: number; result?: string | null }>) =>
      convertBrowserAITask({
        sessionId: 'sess_1',
        task: response({ status: 'finalized' }),
        results: response({ results }),
      }).output;
    expect(
      read([
        { history_index: 0, result: 'partial' },
        { history_index: 1, result: '' },
      ]),
    ).toBe('');
    expect(
      read([
        { history_index: 0, result: 'partial' },
        { history_index: 1, result: null },
      ]),
    ).toBe('partial');
    expect(read([{ history_index: 0, result: 'partial' }, { history_index: 1 }])).toBe('partial');
    expect(read([])).toBeUndefined();
  });

  it('fills start, end and execution id from the results when the task body lacks them', () => {
    const task = convertBrowserAITask({
      sessionId: 'sess_1',
      task: response({ status: 'finalized', started: null, executionId: null }),
      results: response({
        status: 'finalized',
        started: '2025-03-04T10:15:30Z',
        completed: '2025-03-04T10:16:00Z',
        executionId: 'exec_9',
        results: [],
      }),
    } as never);
    expect(task.startedAt).toEqual(new Date('2025-03-04T10:15:30Z'));
    expect(task.finishedAt).toEqual(new Date('2025-03-04T10:16:00Z'));
    expect(task.durationMs).toBe(30_000);
    expect(task.metadata.executionId).toBe('exec_9');
  });

  it('a stopped run is cancelled and keeps its end time; a running one has none yet', () => {
    const read = (status: string) =>
      convertBrowserAITask({
        sessionId: 'sess_1',
        task: response({ status, started: '2025-03-04T10:15:30Z' }),
        results: response({ status, completed: '2025-03-04T10:16:42.500Z', results: [] }),
      } as never);
    const stopped = read('stopped');
    expect(stopped.status).toBe('cancelled');
    expect(stopped.finishedAt).toEqual(new Date('2025-03-04T10:16:42.500Z'));
    expect(stopped.durationMs).toBe(72_500);
    expect(read('running').finishedAt).toBeUndefined();
  });

  it('takes the message of an error object, and the text of an error string', () => {
    const error = (value: unknown) =>
      convertBrowserAITask({
        sessionId: 'sess_1',
        task: response({ status: 'failed', error: value }),
      } as never).error;
    expect(error({ message: 'boom' })).toBe('boom');
    expect(error('page crashed')).toBe('page crashed');
    expect(error('  ')).toBeUndefined();
    expect(error(null)).toBeUndefined();
  });
});
