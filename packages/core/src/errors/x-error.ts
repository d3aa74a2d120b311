const MARKER = 'x.sdk.error';
const CLASS_MARKER_PREFIX = `${MARKER}.`;

/**
 * Sets a cross-copy marker on an error instance (non-enumerable, so it never shows when printed).
 * A class marker (`x.sdk.error.NotFoundError`) also sets `error.name`: the most derived class marks
 * last, so the name stays right even when a minifier renames the classes (`new.target.name` would be `S`).
 */
export function markError(error: object, key: string): void {
  Object.defineProperty(error, Symbol.for(key), { value: true, enumerable: false });
  if (key.startsWith(CLASS_MARKER_PREFIX)) {
    (error as { name: string }).name = key.slice(CLASS_MARKER_PREFIX.length);
  }
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
    // `XError` itself is compared, not named: a minifier may rename the class. Subclasses of this
    // package get their name from their marker (`markError`); other subclasses keep their own name.
    this.name = new.target === XError ? 'XError' : new.target.name;
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
