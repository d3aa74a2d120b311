export {
  type BrowserAISandbox,
  type BrowserAISandboxOptions,
  type BrowserAISandboxStage,
  type BrowserAISandboxTaskOptions,
  createBrowserAISandbox,
  type SandboxOutcome,
} from './create-browserai-sandbox';
