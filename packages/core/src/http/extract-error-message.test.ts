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

  it('falls back to the first h1, then to the text without tags, scripts and styles', () => {
    expect(extractErrorMessage('<html><title> </title><H1 class="x">Service Unavailable</H1></html>')).toBe(
      'Service Unavailable',
    );
    expect(
      extractErrorMessage(
        '<html><titles>no</titles><head><style>p{x:1}</style><script>var a="<b>";</script></head>' +
          '<body><p>Upstream <b>timed</b> out</p></body></html>',
      ),
    ).toBe('no Upstream timed out');
    expect(extractErrorMessage('<html><body>Gateway error <div class="unclosed')).toBe('Gateway error');
  });

  it('reads a hostile page in linear time (no regex backtracking on `<title` without `>`)', () => {
    // 200,000 characters: the regexes this replaced took about 30 s on this input, blocking the event loop.
    for (const page of [
      `<html>${'<'.repeat(200_000)}`,
      `<html>${'<title'.repeat(40_000)}`,
      `<html>${'<script'.repeat(30_000)}`,
    ]) {
      const began = performance.now();
      extractErrorMessage(page);
      expect(performance.now() - began).toBeLessThan(1_000);
    }
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
