export { withSafeInspect } from './with-safe-inspect';
export { splitRef } from './split-ref';
