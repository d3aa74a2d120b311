export {
  createSkyvernSandbox,
  type SkyvernSandbox,
  type SkyvernSandboxOptions,
  type SkyvernSandboxOutcome,
  type SkyvernSandboxStage,
  type SkyvernSandboxTaskOptions,
} from './create-skyvern-sandbox';
