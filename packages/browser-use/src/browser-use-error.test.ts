import { describe, expect, it } from 'vitest';
import { browserUseRetryAfterFromBody, extractBrowserUseErrorMessage } from './browser-use-error';

describe('extractBrowserUseErrorMessage', () => {
  it('reads {detail: string}', () => {
    expect(extractBrowserUseErrorMessage({ detail: 'Task not found' })).toBe('Task not found');
  });

  it('reads {detail: [{loc, msg, type}]} and a bare {loc, msg, type}', () => {
    const item = { loc: ['path', 'task_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' };
    expect(extractBrowserUseErrorMessage({ detail: [item, { ...item, loc: ['query', 'x'] }] })).toBe(
      'path.task_id: Input should be a valid UUID; query.x: Input should be a valid UUID',
    );
    expect(extractBrowserUseErrorMessage(item)).toBe('path.task_id: Input should be a valid UUID');
  });

  it('reads the 429 body with its limit and wait', () => {
    expect(
      extractBrowserUseErrorMessage({ error: 'Rate limit exceeded', limit_rps: 10, retry_after_seconds: 2 }),
    ).toBe('Rate limit exceeded (limit 10 requests/s, retry after 2 s)');
    expect(extractBrowserUseErrorMessage({ retry_after_seconds: 1 })).toBe(
      'Rate limit exceeded (retry after 1 s)',
    );
  });

  it("keeps the vendor's own text in a body that carries a wait hint", () => {
    expect(
      extractBrowserUseErrorMessage({ detail: 'Service under maintenance', retry_after_seconds: 600 }),
    ).toBe('Service under maintenance (retry after 600 s)');
    expect(
      extractBrowserUseErrorMessage({
        detail: 'Too many concurrent active sessions. Please wait for one to finish',
        retry_after_seconds: 5,
      }),
    ).toBe('Too many concurrent active sessions. Please wait for one to finish (retry after 5 s)');
    expect(
      extractBrowserUseErrorMessage({ error: { message: 'Monthly quota exhausted' }, limit_rps: 10 }),
    ).toBe('Monthly quota exhausted (limit 10 requests/s)');
  });

  it('keeps multi-line text on one line and falls back to the generic extractor', () => {
    expect(extractBrowserUseErrorMessage({ detail: 'Insufficient\n  credits' })).toBe('Insufficient credits');
    expect(extractBrowserUseErrorMessage('<html><title>502 Bad Gateway</title></html>')).toBe(
      '502 Bad Gateway',
    );
    expect(extractBrowserUseErrorMessage({})).toBeUndefined();
  });
});

describe('browserUseRetryAfterFromBody', () => {
  it('turns retry_after_seconds into milliseconds', () => {
    expect(browserUseRetryAfterFromBody({ retry_after_seconds: 2 })).toBe(2000);
    expect(browserUseRetryAfterFromBody({ retry_after_seconds: 0.25 })).toBe(250);
    expect(browserUseRetryAfterFromBody({ retry_after_seconds: 0 })).toBe(0);
  });

  it('ignores anything else', () => {
    expect(browserUseRetryAfterFromBody({ retry_after_seconds: '2' })).toBeUndefined();
    expect(browserUseRetryAfterFromBody({ retry_after_seconds: -1 })).toBeUndefined();
    expect(browserUseRetryAfterFromBody('slow down')).toBeUndefined();
    expect(browserUseRetryAfterFromBody(null)).toBeUndefined();
  });
});
