/**
 * The first character of `text` that an HTTP header value cannot carry (`fetch` sends header values as
 * Latin-1 bytes, so anything above U+00FF fails as "Cannot convert argument to a ByteString"), described
 * as `U+200B at position 12`; `undefined` when there is none. Only the code point is described, never
 * the text around it: the text may be a secret.
 */
export function findNonLatin1Character(text: string): string | undefined {
  const index = text.search(/[^\u0000-\u00ff]/);
  if (index < 0) return undefined;
  const code = text.codePointAt(index) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${index}`;
}
