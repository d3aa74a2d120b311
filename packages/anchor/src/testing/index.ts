export {
  type AnchorSandbox,
  type AnchorSandboxOptions,
  type AnchorSandboxStage,
  type AnchorSandboxTaskOptions,
  createAnchorSandbox,
  type SandboxOutcome,
} from './create-anchor-sandbox';
