import { extractErrorMessage, toOneLine } from '@x/core';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRateLimitBody(body: unknown): body is Record<string, unknown> {
  return isRecord(body) && ('retry_after_seconds' in body || 'limit_rps' in body);
}

/**
 * The error text of a Browser Use error body, on one line:
 * - `{detail: "Task not found"}` (400, 402, 404, 500...) → `Task not found`;
 * - `{detail: [{loc, msg, type}]}` or a bare `{loc, msg, type}` (422) → `path.task_id: Input should be a valid UUID...`;
 * - the rate limiter's `{error, limit_rps, retry_after_seconds}` (429) →
 *   `Rate limit exceeded (limit 10 requests/s, retry after 2 s)`; any body with those two fields keeps its
 *   own text (`detail`, `error.message`, `error`: a 503 `{detail, retry_after_seconds}` is no rate limit),
 *   `Rate limit exceeded` standing in only when it has none.
 * Anything else goes to core's `extractErrorMessage` (HTML title, plain text...).
 */
export function extractBrowserUseErrorMessage(body: unknown): string | undefined {
  if (isRateLimitBody(body)) {
    const text = extractErrorMessage(body) ?? 'Rate limit exceeded';
    const details = [
      typeof body.limit_rps === 'number' ? `limit ${body.limit_rps} requests/s` : undefined,
      typeof body.retry_after_seconds === 'number' ? `retry after ${body.retry_after_seconds} s` : undefined,
    ].filter((part) => part !== undefined);
    return toOneLine(details.length > 0 ? `${text} (${details.join(', ')})` : text);
  }
  return extractErrorMessage(body);
}

/** The wait hint of the 429 body, `retry_after_seconds`, in milliseconds (used when no Retry-After header came). */
export function browserUseRetryAfterFromBody(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  const seconds = body.retry_after_seconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? Math.round(seconds * 1000)
    : undefined;
}
