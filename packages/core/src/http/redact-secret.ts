/** What replaces a secret wherever it would have been shown. */
export const REDACTED = '[REDACTED]';

/** Replaces every occurrence of `secret` in `text`. Secrets shorter than 4 characters are left alone. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4 || !text.includes(secret)) return text;
  return text.split(secret).join(REDACTED);
}

/**
 * Redacts a secret in every string of a JSON-like value (keys and values), returning a copy. Keys are
 * defined, never assigned, so a `__proto__` key stays a plain key of the copy, as `JSON.parse` made it.
 */
export function redactSecretDeep<T>(value: T, secret: string | undefined): T {
  if (!secret || secret.length < 4) return value;
  if (typeof value === 'string') return redactSecret(value, secret) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecretDeep(item, secret)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, redactSecret(key, secret), {
        value: redactSecretDeep(item, secret),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out as T;
  }
  return value;
}

/**
 * `redactSecret` for text that may be JSON: the secret written with JSON escapes (`\/` for `/`, `\u0061`
 * for `a`, ...) is redacted too, since a parser turns it back into the secret.
 */
export function redactSecretInJsonText(text: string, secret: string | undefined): string {
  const plain = redactSecret(text, secret);
  if (!secret || secret.length < 4 || !plain.includes('\\')) return plain;
  return plain.replace(escapedSecretPattern(secret), REDACTED);
}

/** Each character of `secret` as itself or as any JSON escape of it (`\uXXXX` in either case, `\/`, `\"`, `\\`). */
function escapedSecretPattern(secret: string): RegExp {
  let source = '';
  for (const character of secret) {
    const alternatives: string[] = [];
    if (character !== '\\' && character !== '"')
      alternatives.push(character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    if (character === '/' || character === '"' || character === '\\') alternatives.push(`\\\\\\${character}`);
    const hex = (character.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
    alternatives.push(`\\\\u${[...hex].map((digit) => `[${digit}${digit.toUpperCase()}]`).join('')}`);
    source += `(?:${alternatives.join('|')})`;
  }
  return new RegExp(source, 'g');
}
