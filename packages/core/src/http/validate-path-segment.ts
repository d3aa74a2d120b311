import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from './describe-value';
import { hasControlCharacters } from './has-control-characters';

/** Default longest id accepted in a path segment. */
export const MAX_PATH_SEGMENT_LENGTH = 512;

// Characters that could move a request to another path or another query, raw or already encoded.
const PATH_BREAKERS = /[/\\?#%]/;
// A surrogate half without its partner: not valid UTF-16, and `encodeURIComponent` throws on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks one id before it goes into a URL path: a non-empty string, not only whitespace, no control
 * characters, no `/ \ ? # %`, not `.` or `..`, no lone surrogate, at most `maxLength` characters. Throws
 * `InvalidArgumentError` naming `name`. Returns the id unchanged.
 */
export function validatePathSegment(
  value: unknown,
  name: string,
  options: { maxLength?: number } = {},
): string {
  const maxLength = options.maxLength ?? MAX_PATH_SEGMENT_LENGTH;
  const fail = (expected: string): never => {
    throw new InvalidArgumentError({
      argument: name,
      message: `${name} must be ${expected}, got ${describeValue(value)}`,
    });
  };
  if (typeof value !== 'string') return fail('a string');
  if (value.trim() === '') return fail('a non-empty string');
  if (value.length > maxLength) return fail(`at most ${maxLength} characters`);
  if (hasControlCharacters(value)) return fail('free of control characters (CR, LF, NUL, ...)');
  if (PATH_BREAKERS.test(value)) return fail('free of "/", "\\", "?", "#" and "%"');
  if (value === '.' || value === '..') return fail('an id, not a path step');
  if (LONE_SURROGATE.test(value)) return fail('valid Unicode text (no lone surrogate)');
  return value;
}
