const MARKER = 'x.sdk.error';
/** The registered name of a class of this package, stored on its prototype (see `registerError`). */
const NAME = Symbol('name');

/**
 * Registers one of this package's error classes, from its static block. Its prototype gets the
 * cross-copy marker `Symbol.for('x.sdk.error.<name>')` (non-enumerable, so it never shows when
 * printed, and inherited by every instance, subclasses included) and the name that `error.name`
 * takes: the most derived registered class wins, so the name stays right even when a minifier renames
 * the classes (`new.target.name` would be `S`); the class itself is renamed back to `name` as well.
 * Without `name`, only the base marker `x.sdk.error`.
 */
export function registerError(type: { prototype: object }, name?: string): void {
  Object.defineProperty(type.prototype, Symbol.for(name ? `${MARKER}.${name}` : MARKER), { value: true });
  if (name) {
    Object.defineProperty(type.prototype, NAME, { value: name });
    // The class's own name too (what `util.inspect` and stack traces print), whatever the minifier made it.
    Object.defineProperty(type, 'name', { value: name });
  }
}

/** True when `value` carries the marker of the class `name` (`XError` without it), whichever copy of `@x/core` created it. */
export function hasErrorMarker(value: unknown, name?: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[Symbol.for(name ? `${MARKER}.${name}` : MARKER)] === true
  );
}

/** Base class of every error this SDK throws. Prefer `XError.isInstance(error)` to `instanceof`: it works across duplicate copies of `@x/core`. */
export class XError extends Error {
  // No `cause` field: it would be an own, enumerable `cause: undefined` on every error; `Error` declares
  // it, and the constructor defines it (non-enumerable) only when there is one.

  static {
    registerError(XError);
    Object.defineProperty(XError, 'name', { value: 'XError' });
  }

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message);
    // `XError` itself is compared, not named: a minifier may rename the class. Classes of this package
    // get their registered name; other subclasses keep their own name.
    this.name = (this as { [NAME]?: string })[NAME] ?? (new.target === XError ? 'XError' : new.target.name);
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true });
    }
  }

  static isInstance(value: unknown): value is XError {
    return hasErrorMarker(value);
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
