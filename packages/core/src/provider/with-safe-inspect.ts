const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Makes `String(x)`, `JSON.stringify(x)` and `util.inspect(x)` print only `summary()`, never the secrets `x` closes over. Returns `x`. */
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
  // Configurable, so a wrapper can apply it again over an object that already has it.
  Object.defineProperties(target, {
    toJSON: { value: describe, enumerable: false, configurable: true },
    toString: {
      value: () => `${label} ${JSON.stringify(describe())}`,
      enumerable: false,
      configurable: true,
    },
    [INSPECT]: {
      value: () => `${label} ${JSON.stringify(describe())}`,
      enumerable: false,
      configurable: true,
    },
  });
  return target;
}
