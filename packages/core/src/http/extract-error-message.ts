import { toOneLine } from './to-one-line';

/**
 * Finds the vendor's own error text in an error body, whatever the shape:
 * `{detail: "..."}`, `{detail: [{loc, msg}]}`, a bare `{loc, msg, type}`, `{error: "..."}`,
 * `{error: {message}}`, `{message}`, an HTML page (its `<title>` or first text) or plain text.
 * Returns one line, or `undefined` when the body says nothing useful.
 */
export function extractErrorMessage(body: unknown): string | undefined {
  const found = findMessage(body);
  return found ? toOneLine(found) : undefined;
}

function findMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return fromText(body);
  if (Array.isArray(body)) return fromValidationList(body);
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const { detail, error, message } = record;
  if (typeof detail === 'string' && detail.trim()) return detail;
  if (Array.isArray(detail)) return fromValidationList(detail);
  if (typeof error === 'string' && error.trim()) return error;
  if (error && typeof error === 'object') {
    const inner = findMessage(error);
    if (inner) return inner;
  }
  if (typeof message === 'string' && message.trim()) return message;
  if (typeof record.msg === 'string') return fromValidationList([record]);
  return undefined;
}

function fromValidationList(items: unknown[]): string | undefined {
  const parts = items.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const { loc, msg } = item as { loc?: unknown; msg?: unknown };
    if (typeof msg !== 'string') return [];
    const where = Array.isArray(loc) ? loc.map(describeLocation).join('.') : undefined;
    return [where ? `${where}: ${msg}` : msg];
  });
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function fromText(text: string): string | undefined {
  if (/<html|<!doctype/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    if (title) return title;
    const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1]?.trim();
    if (heading) return heading;
    const stripped = text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' ').trim();
    return stripped || undefined;
  }
  return text.trim() || undefined;
}

/** One part of a validation error's `loc`: strings and numbers as they are, anything else as `?`. */
function describeLocation(part: unknown): string {
  return typeof part === 'string' || typeof part === 'number' ? String(part) : '?';
}
