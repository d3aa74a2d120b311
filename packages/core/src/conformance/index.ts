export type {
  ConformanceErrorCase,
  ConformanceHarness,
  ConformanceOptions,
  ConformanceSandbox,
} from './conformance-types';
export { runConformanceTests } from './run-conformance-tests';
