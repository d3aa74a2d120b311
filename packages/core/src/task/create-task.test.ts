import { describe, expect, it } from 'vitest';
import { createTask } from './create-task';

const base = { provider: 'acme', id: 'acme:t1', providerStatus: 'done', raw: {} };

describe('createTask, field order', () => {
  it('keeps the order of the fields given, then isTerminal, durationMs, steps, artifacts, metadata', () => {
    const task = createTask({
      ...base,
      status: 'succeeded',
      startedAt: new Date(0),
      finishedAt: new Date(1000),
      output: 'x',
      error: undefined,
      cost: '0.1',
    });
    expect(Object.keys(task)).toEqual([
      'provider',
      'id',
      'providerStatus',
      'raw',
      'status',
      'startedAt',
      'finishedAt',
      'output',
      'cost',
      'isTerminal',
      'durationMs',
      'steps',
      'artifacts',
      'metadata',
    ]);
  });

  it('leaves a derived field the caller passed at its place, with the derived value', () => {
    const task = createTask({
      status: 'running',
      metadata: undefined,
      ...base,
      durationMs: 5,
      steps: undefined,
      isTerminal: true,
    } as Parameters<typeof createTask>[0]);
    expect(Object.entries(task)).toEqual([
      ['status', 'running'],
      ['metadata', {}],
      ['provider', 'acme'],
      ['id', 'acme:t1'],
      ['providerStatus', 'done'],
      ['raw', {}],
      ['durationMs', 5],
      ['steps', []],
      ['isTerminal', false],
      ['artifacts', []],
    ]);
    expect(JSON.stringify(createTask({ ...base, status: 'running', durationMs: -1 }))).not.toContain(
      'durationMs',
    );
  });
});
