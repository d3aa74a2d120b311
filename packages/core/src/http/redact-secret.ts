/** What replaces a secret wherever it would have been shown. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of `secret` in `text`: as is, and as a server may echo it encoded (in a JSON
 * string, `\/` or `\u0061`; in a URL, `%2F` in either case or `+` for a space; in HTML, `&#x2F;`, `&#47;`,
 * `&amp;`), each character in any of its forms. Secrets shorter than 4 characters are left alone.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  const plain = text.includes(secret) ? text.split(secret).join(REDACTED) : text;
  // The encoded forms all need one of these characters; most texts have none, and skip the pattern.
  if (!/[\\%&+]/.test(plain)) return plain;
  return plain.replace(encodedSecretPattern(secret), REDACTED);
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

let cachedPattern: { secret: string; pattern: RegExp } | undefined;

/** Each character of `secret` as itself or any of its JSON, URL or HTML escapes (hex in either case). */
function encodedSecretPattern(secret: string): RegExp {
  if (cachedPattern?.secret === secret) return cachedPattern.pattern;
  const caseless = (hex: string) => [...hex].map((digit) => `[${digit}${digit.toUpperCase()}]`).join('');
  let source = '';
  for (const character of secret) {
    const code = character.codePointAt(0) ?? 0;
    // No literal `\` or `"` among the alternatives (the plain pass caught the literal key): a literal
    // backslash beside its escape `\\` would make a run of them match in exponentially many ways.
    const alternatives: string[] =
      character === '\\' || character === '"' ? [] : [character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')];
    if (character === '/' || character === '"' || character === '\\') alternatives.push(`\\\\\\${character}`);
    alternatives.push(`\\\\u${caseless(code.toString(16).padStart(4, '0'))}`);
    const bytes = [...new TextEncoder().encode(character)];
    alternatives.push(bytes.map((byte) => `%${caseless(byte.toString(16).padStart(2, '0'))}`).join(''));
    if (character === ' ') alternatives.push('\\+');
    alternatives.push(`&#[xX]0*${caseless(code.toString(16))};`, `&#0*${code};`);
    const named = NAMED_ENTITIES[character];
    if (named) alternatives.push(`&${named};`);
    source += `(?:${alternatives.join('|')})`;
  }
  const pattern = new RegExp(source, 'g');
  cachedPattern = { secret, pattern };
  return pattern;
}

const NAMED_ENTITIES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
