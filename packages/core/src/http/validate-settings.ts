import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from './describe-value';
import { findNonLatin1Character } from './find-non-latin1-character';
import { hasControlCharacters } from './has-control-characters';

/** Throws `InvalidArgumentError` unless `value` is undefined or a number in [min, max] (an integer if asked). */
export function validateNumberOption(
  value: unknown,
  name: string,
  limits: { min: number; max?: number; integer?: boolean },
): void {
  if (value === undefined) return;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= limits.min &&
    (limits.max === undefined || value <= limits.max) &&
    (!limits.integer || Number.isInteger(value));
  if (!ok) {
    const kind = limits.integer ? 'an integer' : 'a number';
    const range = limits.max === undefined ? `>= ${limits.min}` : `between ${limits.min} and ${limits.max}`;
    throw new InvalidArgumentError({
      argument: name,
      message: `${name} must be ${kind} ${range}, got ${describeValue(value)}`,
    });
  }
}

/** Throws `InvalidArgumentError` for header names or values that are not strings, hold CR/LF or hold a character above U+00FF. */
export function validateHeaders(headers: unknown, name: string): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new InvalidArgumentError({
      argument: name,
      message: `${name} must be an object of strings, got ${describeValue(headers)}`,
    });
  }
  for (const [header, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) {
      throw new InvalidArgumentError({
        argument: name,
        message: `${name}: ${JSON.stringify(header)} is not a valid header name`,
      });
    }
    if (typeof value !== 'string') {
      throw new InvalidArgumentError({
        argument: name,
        message: `${name}["${header}"] must be a string, got ${describeValue(value)}`,
      });
    }
    if (hasControlCharacters(value)) {
      throw new InvalidArgumentError({
        argument: name,
        message: `${name}["${header}"] must not hold control characters (CR, LF, ...)`,
      });
    }
    const nonLatin1 = findNonLatin1Character(value);
    if (nonLatin1) {
      throw new InvalidArgumentError({
        argument: name,
        message: `${name}["${header}"] holds ${nonLatin1}; header values take Latin-1 only (encode it, e.g. with encodeURIComponent)`,
      });
    }
  }
}

/**
 * Throws `InvalidArgumentError` unless `value` is undefined or an `AbortSignal` (anything with a boolean
 * `aborted` and `addEventListener` / `removeEventListener`, so polyfills and other realms pass). The
 * usual slip, an `AbortController` passed for its `signal`, is named as such.
 */
export function validateSignal(value: unknown, name: string): void {
  if (value === undefined) return;
  const signal = value as Partial<AbortSignal> | null;
  if (
    signal !== null &&
    typeof signal === 'object' &&
    typeof signal.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  ) {
    return;
  }
  const hint =
    signal !== null && typeof signal === 'object' && 'signal' in signal && 'abort' in signal
      ? ' (an AbortController was passed: pass its .signal)'
      : '';
  throw new InvalidArgumentError({
    argument: name,
    message: `${name} must be an AbortSignal${hint}, got ${describeValue(value)}`,
  });
}
