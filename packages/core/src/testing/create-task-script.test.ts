import { describe, expect, it } from 'vitest';
import { createTaskScript } from './create-task-script';

const stages = [{ state: 'queued' }, { afterMs: 100, state: 'running' }, { afterMs: 50, state: 'done' }];

describe('createTaskScript', () => {
  it('moves by time: each afterMs counts from the previous stage', () => {
    let clock = 1_000;
    const script = createTaskScript(stages, { now: () => clock });
    expect(script.read()).toEqual({ state: 'queued', stageIndex: 0, done: false });
    clock += 99;
    expect(script.read().state).toBe('queued');
    clock += 1;
    expect(script.read().state).toBe('running');
    clock += 50;
    expect(script.read()).toEqual({ state: 'done', stageIndex: 2, done: true });
    clock += 10_000;
    expect(script.peek().state).toBe('done');
  });

  it('moves one stage per read when advanceOn is read, and peek does not move', () => {
    const script = createTaskScript(stages, { advanceOn: 'read' });
    expect(script.peek().state).toBe('queued');
    expect(script.read().state).toBe('queued');
    expect(script.read().state).toBe('running');
    expect(script.peek().state).toBe('running');
    expect(script.read().state).toBe('done');
    expect(script.read()).toMatchObject({ state: 'done', done: true });
  });

  it('rejects an empty list, a negative gap and an unknown advanceOn', () => {
    expect(() => createTaskScript([])).toThrow(/at least one stage/);
    expect(() => createTaskScript([{ state: 1 }, { afterMs: -1, state: 2 }])).toThrow(/afterMs -1/);
    expect(() => createTaskScript([{ state: 1 }], { advanceOn: 'poll' as 'read' })).toThrow(
      `createTaskScript: advanceOn must be 'time' or 'read', got "poll"`,
    );
  });
});
