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

/** The most of an error body's text read for its message (which keeps 300 characters). */
const MAX_SCANNED = 65_536;

/**
 * The message of a text body: an HTML page's `<title>`, else its first `<h1>`, else its text without
 * tags, scripts and styles; any other text as it is. Linear scans with `indexOf`, never a regex that
 * could backtrack on a hostile page (`<title` repeated without `>`), over the first 64 KiB only.
 */
function fromText(body: string): string | undefined {
  const text = body.length > MAX_SCANNED ? body.slice(0, MAX_SCANNED) : body;
  const lower = text.toLowerCase();
  if (lower.includes('<html') || lower.includes('<!doctype')) {
    const title = elementText(text, lower, 'title');
    if (title) return title;
    const heading = elementText(text, lower, 'h1');
    if (heading) return heading;
    return stripTags(text, lower) || undefined;
  }
  return text.trim() || undefined;
}

/** The text of the first `<name ...>text</name>` (tags inside it cut it short), trimmed. */
function elementText(text: string, lower: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const start = lower.indexOf(`<${name}`, from);
    if (start < 0) return undefined;
    const after = lower.charAt(start + name.length + 1);
    const open = lower.indexOf('>', start);
    if (open < 0) return undefined;
    if (
      after === '>' ||
      after === ' ' ||
      after === '\t' ||
      after === '\n' ||
      after === '\r' ||
      after === '/'
    ) {
      const end = lower.indexOf('<', open + 1);
      if (end < 0 || !lower.startsWith(`</${name}`, end)) return undefined;
      return text.slice(open + 1, end).trim() || undefined;
    }
    from = open + 1; // `<titles>` or `<h1x>`: another tag, look further
  }
}

/** The text of a page with its tags removed, and its scripts and styles with their content. */
function stripTags(text: string, lower: string): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = lower.indexOf('<', at);
    if (open < 0) {
      out += text.slice(at);
      break;
    }
    out += `${text.slice(at, open)} `;
    const skipTo = lower.startsWith('<script', open)
      ? '</script>'
      : lower.startsWith('<style', open)
        ? '</style>'
        : '>';
    const close = lower.indexOf(skipTo, open + 1);
    if (close < 0) break; // an unclosed tag, script or style: the rest is markup
    at = close + skipTo.length;
  }
  return out.trim();
}

/** One part of a validation error's `loc`: strings and numbers as they are, anything else as `?`. */
function describeLocation(part: unknown): string {
  return typeof part === 'string' || typeof part === 'number' ? String(part) : '?';
}
