import { InvalidArgumentError } from '@x/core';
import { describe, expect, it } from 'vitest';
import { assertAnchorRef, formatAnchorRef, isAnchorRunRef, parseAnchorRef } from './anchor-ref';

const TASK_ID = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const EXECUTION_ID = '7f1e2d3c-4b5a-4697-8877-665544332211';
const RUN_ID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';

function catchError(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('parseAnchorRef', () => {
  it('parses both string forms, with or without the prefix', () => {
    expect(parseAnchorRef(`anchor:${TASK_ID}/${EXECUTION_ID}`)).toEqual({
      taskId: TASK_ID,
      executionId: EXECUTION_ID,
    });
    expect(parseAnchorRef(`${TASK_ID}/${EXECUTION_ID}`)).toEqual({
      taskId: TASK_ID,
      executionId: EXECUTION_ID,
    });
    expect(parseAnchorRef(`anchor:run/${RUN_ID}`)).toEqual({ runId: RUN_ID });
    expect(parseAnchorRef(`run/${RUN_ID}`)).toEqual({ runId: RUN_ID });
  });

  it('accepts a run id that is not a uuid (the spec types it as a string)', () => {
    expect(parseAnchorRef('anchor:run/run_123')).toEqual({ runId: 'run_123' });
  });

  it.each([
    '',
    'anchor:',
    `anchor:${TASK_ID}`,
    `anchor:${TASK_ID}/${EXECUTION_ID}/extra`,
    `anchor:not-a-uuid/${EXECUTION_ID}`,
    `anchor:${TASK_ID}/not-a-uuid`,
    'anchor:run/',
    'anchor:run/a?b',
  ])('rejects %j with an InvalidArgumentError naming ref and the expected forms', (text) => {
    const error = catchError(() => parseAnchorRef(text));
    expect(error.argument).toBe('ref');
    expect(error.message).toContain('anchor:<taskId>/<executionId>');
    expect(error.message).toContain('anchor:run/<runId>');
  });

  it('rejects a non-string', () => {
    expect(catchError(() => parseAnchorRef(42 as unknown as string)).argument).toBe('ref');
  });
});

describe('formatAnchorRef', () => {
  it('prints both forms and round-trips', () => {
    const execution = { taskId: TASK_ID, executionId: EXECUTION_ID };
    expect(formatAnchorRef(execution)).toBe(`anchor:${TASK_ID}/${EXECUTION_ID}`);
    expect(formatAnchorRef({ runId: RUN_ID })).toBe(`anchor:run/${RUN_ID}`);
    expect(parseAnchorRef(formatAnchorRef(execution))).toEqual(execution);
  });

  it('rejects an invalid reference, naming the id at fault', () => {
    expect(catchError(() => formatAnchorRef({ taskId: 'x', executionId: EXECUTION_ID })).argument).toBe(
      'taskId',
    );
    expect(catchError(() => formatAnchorRef({ taskId: TASK_ID, executionId: '' })).argument).toBe(
      'executionId',
    );
    expect(catchError(() => formatAnchorRef({ runId: '../x' })).argument).toBe('runId');
  });
});

describe('assertAnchorRef', () => {
  it('rejects wrong shapes, naming ref', () => {
    expect(catchError(() => assertAnchorRef(`anchor:run/${RUN_ID}`)).message).toContain('parseRef');
    expect(catchError(() => assertAnchorRef(null)).argument).toBe('ref');
    expect(catchError(() => assertAnchorRef({})).argument).toBe('ref');
    expect(catchError(() => assertAnchorRef({ runId: RUN_ID, taskId: TASK_ID })).message).toContain(
      'not both',
    );
  });

  it('keeps only the known fields', () => {
    expect(assertAnchorRef({ runId: RUN_ID, note: 'x' })).toEqual({ runId: RUN_ID });
  });

  it('tells the kinds apart', () => {
    expect(isAnchorRunRef({ runId: RUN_ID })).toBe(true);
    expect(isAnchorRunRef({ taskId: TASK_ID, executionId: EXECUTION_ID })).toBe(false);
  });
});
