import { afterEach, describe, expect, it } from 'vitest';
import { createTask } from './create-task';
import { isTerminalStatus } from './is-terminal-status';
import { parseTimestamp } from './parse-timestamp';
import { TASK_STATUSES, type TaskStatus, TERMINAL_STATUSES } from './task-status';

const originalTimeZone = process.env.TZ;
afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe('parseTimestamp', () => {
  const NAIVE: Array<[string, number]> = [
    ['2025-09-01T10:00:00', Date.UTC(2025, 8, 1, 10, 0, 0)],
    ['2025-09-01T10:00:00.123456', Date.UTC(2025, 8, 1, 10, 0, 0, 123)],
    ['2025-09-01T10:00:19.25', Date.UTC(2025, 8, 1, 10, 0, 19, 250)],
    ['2025-09-01 10:00:00', Date.UTC(2025, 8, 1, 10, 0, 0)],
    ['2025-09-01T10:00', Date.UTC(2025, 8, 1, 10, 0)],
    ['2025-09-01', Date.UTC(2025, 8, 1)],
    ['  2025-09-01T10:00:00  ', Date.UTC(2025, 8, 1, 10, 0, 0)],
  ];

  // The machine's zone must not matter: run the naive cases in zones east and west of UTC.
  for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
    it(`reads naive timestamps as UTC (machine zone ${zone})`, () => {
      process.env.TZ = zone;
      for (const [text, expected] of NAIVE) {
        expect(parseTimestamp(text)?.getTime(), text).toBe(expected);
      }
    });
  }

  it.each([
    ['2025-09-01T10:00:00Z', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01T10:00:00z', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01T10:00:00.5Z', Date.UTC(2025, 8, 1, 10, 0, 0, 500)],
    ['2025-09-01T12:00:01+02:00', Date.UTC(2025, 8, 1, 10, 0, 1)],
    ['2025-09-01T04:30:00-0530', Date.UTC(2025, 8, 1, 10, 0, 0)],
    ['2025-09-01T10:00:00+00:00', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01T13:00:00+03', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01 10:00:00 UTC', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01T10:00:00 GMT', Date.UTC(2025, 8, 1, 10)],
    ['2025-09-01 12:00:00 +02:00', Date.UTC(2025, 8, 1, 10)],
    ['Mon, 01 Sep 2025 10:00:00 GMT', Date.UTC(2025, 8, 1, 10)],
    ['01 Sep 2025 12:00:00 +0200', Date.UTC(2025, 8, 1, 10)],
  ])('respects the zone of %s', (text, expected) => {
    process.env.TZ = 'America/New_York';
    expect(parseTimestamp(text)?.getTime()).toBe(expected);
  });

  it('takes epoch milliseconds and Date objects as they are', () => {
    expect(parseTimestamp(1_756_720_800_000)?.toISOString()).toBe('2025-09-01T10:00:00.000Z');
    const date = new Date(Date.UTC(2025, 0, 1));
    expect(parseTimestamp(date)).toBe(date);
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    'yesterday',
    'soon',
    'n/a',
    'null',
    'string',
    'yesterday-ish',
    '1',
    '12',
    'Task 12',
    'March 7',
    'foo 2',
    '2025-13-01T00:00:00',
    '2025-02-30T10:00:00',
    '2025-09-01T25:00:00',
    '2025-09-01T10:61:00',
    '0000-00-00 00:00:00',
    '2025-09-01T10:00:00 garbage',
    '2025-09-01T10:00:00+99:99',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    {},
    [],
    new Date(Number.NaN),
  ])('junk %j → undefined', (value) => {
    expect(parseTimestamp(value)).toBeUndefined();
  });

  it('a leap day is a real date', () => {
    expect(parseTimestamp('2024-02-29T00:00:00')?.getTime()).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2025-02-29T00:00:00')).toBeUndefined();
  });
});

describe('statuses', () => {
  it('eight statuses in lifecycle order, four terminal', () => {
    expect(TASK_STATUSES).toEqual([
      'queued',
      'running',
      'paused',
      'succeeded',
      'failed',
      'cancelled',
      'timed_out',
      'unknown',
    ]);
    expect(TERMINAL_STATUSES).toEqual(['succeeded', 'failed', 'cancelled', 'timed_out']);
    for (const status of TASK_STATUSES) {
      expect(isTerminalStatus(status)).toBe(TERMINAL_STATUSES.includes(status));
    }
    expect(Object.isFrozen(TASK_STATUSES)).toBe(true);
    expect(Object.isFrozen(TERMINAL_STATUSES)).toBe(true);
  });
});

describe('createTask', () => {
  const base = { provider: 'acme', id: 'acme:t1', providerStatus: 'vendor-word', raw: { vendor: true } };

  it.each(TASK_STATUSES.map((status) => [status] as [TaskStatus]))('derives isTerminal for %s', (status) => {
    expect(createTask({ ...base, status }).isTerminal).toBe(TERMINAL_STATUSES.includes(status));
  });

  it('derives durationMs from startedAt and finishedAt', () => {
    const task = createTask({
      ...base,
      status: 'succeeded',
      startedAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 1, 500)),
      finishedAt: new Date(Date.UTC(2025, 8, 1, 10, 0, 19, 250)),
    });
    expect(task.durationMs).toBe(17_750);
  });

  it("keeps the vendor's duration, zero included, over the derived one", () => {
    const times = { startedAt: new Date(0), finishedAt: new Date(10_000) };
    expect(createTask({ ...base, status: 'succeeded', ...times, durationMs: 9_000 }).durationMs).toBe(9_000);
    expect(createTask({ ...base, status: 'succeeded', ...times, durationMs: 0 }).durationMs).toBe(0);
  });

  it('leaves durationMs out when it cannot be known or makes no sense', () => {
    const cases = [
      { startedAt: new Date(0) },
      { finishedAt: new Date(0) },
      { startedAt: new Date(10_000), finishedAt: new Date(0) },
      { startedAt: new Date(Number.NaN), finishedAt: new Date(0) },
      { durationMs: -5 },
      { durationMs: Number.NaN },
    ];
    for (const fields of cases) {
      const task = createTask({ ...base, status: 'running', ...fields });
      expect('durationMs' in task).toBe(false);
    }
  });

  it('defaults the lists and metadata, keeps given ones, drops undefined fields, keeps raw by reference', () => {
    const raw = { vendor: true, nested: { a: 1 } };
    const task = createTask({
      ...base,
      raw,
      status: 'failed',
      error: 'boom',
      output: undefined,
      cost: undefined,
    });
    expect(task).toEqual({
      provider: 'acme',
      id: 'acme:t1',
      status: 'failed',
      providerStatus: 'vendor-word',
      isTerminal: true,
      error: 'boom',
      steps: [],
      artifacts: [],
      metadata: {},
      raw,
    });
    expect(task.raw).toBe(raw);
    expect(Object.keys(task)).not.toContain('output');
    expect(JSON.stringify(task)).not.toContain('undefined');
    const steps = [{ index: 0, raw: {} }];
    const artifacts = [{ kind: 'screenshot', url: 'https://cdn.example.test/1.png' }];
    const full = createTask({
      ...base,
      status: 'running',
      steps,
      artifacts,
      metadata: { live: 'https://x' },
      cost: '0.0125',
    });
    expect(full.steps).toBe(steps);
    expect(full.artifacts).toBe(artifacts);
    expect(full.metadata).toEqual({ live: 'https://x' });
    expect(full.cost).toBe('0.0125');
  });

  it('keeps falsy but meaningful values (output 0, empty string, false)', () => {
    expect(createTask({ ...base, status: 'succeeded', output: 0 }).output).toBe(0);
    expect(createTask({ ...base, status: 'succeeded', output: '' }).output).toBe('');
    expect(createTask({ ...base, status: 'succeeded', output: false }).output).toBe(false);
    expect(createTask({ ...base, status: 'succeeded', output: null }).output).toBeNull();
  });

  it('isTerminal always follows the status, whatever the caller passed', () => {
    const fields = { ...base, status: 'running' as const, isTerminal: true };
    expect(createTask(fields).isTerminal).toBe(false);
  });
});
