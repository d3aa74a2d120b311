export { splitRef } from './split-ref';
export { withSafeInspect } from './with-safe-inspect';
