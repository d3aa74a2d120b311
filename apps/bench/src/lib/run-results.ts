import type { BundleSize, InstalledFootprint } from './footprint';
import type { MachineInfo } from './machine-info';
import type { ColdStartMeasurement } from './measure-cold-start';
import type { HttpResult, HttpSettings } from './measure-http';
import type { OverheadResult } from './measure-overhead';
import type { ProviderFootprint } from './measure-package-budgets';
import type { PollingResult } from './measure-polling';
import type { RssResult, RssSettings } from './measure-rss';

export interface SdkFootprint {
  name: string;
  version: string;
  installed?: InstalledFootprint;
  bundle?: BundleSize;
  bundleError?: string;
  installError?: string;
}

/** Everything one `pnpm bench` run measured; the report is rendered from it. */
export interface RunResults {
  startedAt: string;
  durationSeconds: number;
  machine: MachineInfo & { loadAtStart: number[]; loadAtEnd: number[] };
  versions: Record<string, string>;
  bodyBytes: Record<string, number>;
  http: { settings: HttpSettings; results: HttpResult[] };
  overhead: { iterations: number; results: OverheadResult[] };
  rss: { settings: RssSettings; results: RssResult[] };
  coldStart: ColdStartMeasurement;
  footprint: { ours: ProviderFootprint[]; sdks: SdkFootprint[] };
  polling: PollingResult;
}
