/** What replaces a secret wherever it would have been shown. */
export const REDACTED = '[REDACTED]';

/** Replaces every occurrence of `secret` in `text`. Secrets shorter than 4 characters are left alone. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4 || !text.includes(secret)) return text;
  return text.split(secret).join(REDACTED);
}

/** Redacts a secret in every string of a JSON-like value (keys and values), returning a copy. */
export function redactSecretDeep<T>(value: T, secret: string | undefined): T {
  if (!secret || secret.length < 4) return value;
  if (typeof value === 'string') return redactSecret(value, secret) as T;
  if (Array.isArray(value)) return value.map((item) => redactSecretDeep(item, secret)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[redactSecret(key, secret)] = redactSecretDeep(item, secret);
    return out as T;
  }
  return value;
}
