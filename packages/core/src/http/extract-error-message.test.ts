import { describe, expect, it } from 'vitest';
import { extractErrorMessage } from './extract-error-message';

describe('extractErrorMessage', () => {
  it.each([
    [{ detail: 'Task not found' }, 'Task not found'],
    [
      { detail: [{ loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }] },
      'path.task_id: Input should be a valid UUID',
    ],
    [{ loc: ['query', 'limit'], msg: 'too big', type: 'value_error' }, 'query.limit: too big'],
    [{ error: 'Unauthorized' }, 'Unauthorized'],
    [{ error: { code: 404, message: 'Execution not found' } }, 'Execution not found'],
    [{ error: 'Too many requests', limit_rps: 10, retry_after_seconds: 3 }, 'Too many requests'],
    [{ message: 'plain message' }, 'plain message'],
    ['upstream went away\nplease retry', 'upstream went away please retry'],
  ])('%j → %s', (body, expected) => {
    expect(extractErrorMessage(body)).toBe(expected);
  });

  it('takes the title of an HTML page, never the page', () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(5_000)}</body></html>`;
    expect(extractErrorMessage(page)).toBe('502 Bad Gateway');
  });

  it('cuts long text to one bounded line', () => {
    const message = extractErrorMessage('y'.repeat(1_000))!;
    expect(message.length).toBeLessThanOrEqual(300);
    expect(message.endsWith('…')).toBe(true);
  });

  it('returns undefined when the body says nothing', () => {
    for (const body of ['', '   ', null, undefined, 42, {}, { detail: '' }, []]) {
      expect(extractErrorMessage(body)).toBeUndefined();
    }
  });
});
