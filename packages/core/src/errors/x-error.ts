const MARKER = 'x.sdk.error';

/** Sets a cross-copy marker on an error instance (non-enumerable, so it never shows when printed). */
export function markError(error: object, key: string): void {
  Object.defineProperty(error, Symbol.for(key), { value: true, enumerable: false });
}

/** True when `value` carries the marker `key`, whichever copy of `@x/core` created it. */
export function hasErrorMarker(value: unknown, key: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for(key)] === true
  );
}

/**
 * Base class of every error this SDK throws. Use `XError.isInstance(error)` rather than `instanceof`:
 * it also works when two copies of `@x/core` are installed.
 */
export class XError extends Error {
  override readonly cause?: unknown;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    this.name = new.target.name;
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true });
    }
    markError(this, MARKER);
  }

  static isInstance(value: unknown): value is XError {
    return hasErrorMarker(value, MARKER);
  }

  /** A plain object for logs and `JSON.stringify`: name, message and the error's own public fields. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause' && value !== undefined) out[key] = value;
    }
    return out;
  }
}
