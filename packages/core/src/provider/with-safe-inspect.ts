const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes `String(x)`, `JSON.stringify(x)` and `util.inspect(x)` print only `summary()` (name, base
 * URL, ...), never the secrets the object closes over. Returns the same object.
 */
export function withSafeInspect<T extends object>(
  target: T,
  label: string,
  summary: () => Record<string, unknown>,
): T {
  const describe = () => {
    try {
      return summary();
    } catch {
      return {};
    }
  };
  Object.defineProperties(target, {
    toJSON: { value: describe, enumerable: false },
    toString: { value: () => `${label} ${JSON.stringify(describe())}`, enumerable: false },
    [INSPECT]: { value: () => `${label} ${JSON.stringify(describe())}`, enumerable: false },
  });
  return target;
}
