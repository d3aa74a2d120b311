export {
  type ConformanceErrorCase,
  type ConformanceHarness,
  type ConformanceOptions,
  type ConformanceSandbox,
  runConformanceTests,
} from '../conformance';
export {
  createTaskScript,
  type ScriptStage,
  type TaskScript,
  type TaskScriptOptions,
  type TaskScriptPosition,
} from './create-task-script';
export { createTestServer } from './create-test-server';
export type {
  Fault,
  FaultMatch,
  RouteContext,
  RouteReply,
  TestRequest,
  TestRoute,
  TestServer,
  TestServerOptions,
} from './test-server-types';
