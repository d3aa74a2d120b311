import { describe, expect, it } from 'vitest';
import { createTask } from './create-task';
import { isTerminalStatus } from './is-terminal-status';
import { parseTimestamp } from './parse-timestamp';
import { TASK_STATUSES, TERMINAL_STATUSES } from './task-status';

describe('parseTimestamp', () => {
  it('reads naive timestamps as UTC, whatever the machine zone', () => {
    expect(parseTimestamp('2025-01-02T03:04:05')?.getTime()).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(parseTimestamp('2025-01-02T03:04:05.123456')?.getTime()).toBe(Date.UTC(2025, 0, 2, 3, 4, 5, 123));
    expect(parseTimestamp('2025-01-02 03:04:05')?.getTime()).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
  });

  it('respects an explicit zone', () => {
    expect(parseTimestamp('2025-01-02T03:04:05Z')?.getTime()).toBe(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(parseTimestamp('2025-01-02T03:04:05+02:00')?.getTime()).toBe(Date.UTC(2025, 0, 2, 1, 4, 5));
  });

  it('returns undefined for junk instead of failing', () => {
    for (const value of [null, undefined, '', 'yesterday', {}, Number.NaN]) {
      expect(parseTimestamp(value)).toBeUndefined();
    }
  });
});

describe('statuses and createTask', () => {
  it('has eight statuses, four terminal', () => {
    expect(TASK_STATUSES).toHaveLength(8);
    expect(TASK_STATUSES.filter(isTerminalStatus)).toEqual(TERMINAL_STATUSES);
  });

  it('derives isTerminal and durationMs, defaults lists, drops undefined fields', () => {
    const task = createTask({
      provider: 'demo',
      id: 'demo:1',
      status: 'succeeded',
      providerStatus: 'done',
      startedAt: new Date(1_000),
      finishedAt: new Date(4_500),
      output: undefined,
      raw: { a: 1 },
    });
    expect(task).toEqual({
      provider: 'demo',
      id: 'demo:1',
      status: 'succeeded',
      providerStatus: 'done',
      isTerminal: true,
      startedAt: new Date(1_000),
      finishedAt: new Date(4_500),
      durationMs: 3_500,
      steps: [],
      artifacts: [],
      metadata: {},
      raw: { a: 1 },
    });
    expect('output' in task).toBe(false);
    expect(
      createTask({
        provider: 'd',
        id: 'd:1',
        status: 'running',
        providerStatus: 'x',
        durationMs: 7,
        raw: null,
      }).durationMs,
    ).toBe(7);
  });
});
