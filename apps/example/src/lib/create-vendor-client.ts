import { type AnchorProviderSettings, createAnchor } from '@x/anchor';
import { type BrowserUseProviderSettings, createBrowserUse } from '@x/browser-use';
import { type BrowserAIProviderSettings, createBrowserAI } from '@x/browserai';
import { createTaskClient, type FetchFunction, type TaskClient } from '@x/core';

/** Settings for the three providers; whatever is left out comes from the vendors' environment variables. */
export interface VendorClientSettings {
  browserUse?: BrowserUseProviderSettings;
  anchor?: AnchorProviderSettings;
  browserai?: BrowserAIProviderSettings;
  /** The `fetch` every provider uses (the CLI passes one that reports retryable answers). */
  fetch?: FetchFunction;
  /** Most requests in flight at once. Default: core's default (8). */
  concurrency?: number;
}

/**
 * One client over Browser Use, Anchor and BrowserAI: references `browser-use:…`, `anchor:…` and
 * `browserai:…` are routed to their provider. Keys and base URLs not given here are read from
 * `BROWSER_USE_*`, `ANCHORBROWSER_*` and `BROWSERAI_*` at the first request.
 */
export function createVendorClient(settings: VendorClientSettings = {}): TaskClient {
  const { fetch } = settings;
  return createTaskClient({
    providers: [
      createBrowserUse({ fetch, ...settings.browserUse }),
      createAnchor({ fetch, ...settings.anchor }),
      createBrowserAI({ fetch, ...settings.browserai }),
    ],
    concurrency: settings.concurrency,
  });
}
