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
});
