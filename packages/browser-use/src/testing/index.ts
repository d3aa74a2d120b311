export type {
  BrowserUseSandbox,
  BrowserUseSandboxOptions,
  BrowserUseSandboxStage,
  BrowserUseSandboxTaskOptions,
  SandboxOutcome,
} from './browser-use-sandbox-types';
export { createBrowserUseSandbox } from './create-browser-use-sandbox';
