import { type AnchorSandbox, createAnchorSandbox } from '@x/anchor/testing';
import { type BrowserUseSandbox, createBrowserUseSandbox } from '@x/browser-use/testing';
import { type BrowserAISandbox, createBrowserAISandbox } from '@x/browserai/testing';

export interface TestSandboxes {
  browserUse: BrowserUseSandbox;
  anchor: AnchorSandbox;
  browserai: BrowserAISandbox;
  /** The `*_API_KEY` and `*_BASE_URL` variables of all three. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** The three vendor sandboxes, in the test process; the CLI reaches them through env variables. */
export async function startTestSandboxes(): Promise<TestSandboxes> {
  const [browserUse, anchor, browserai] = await Promise.all([
    createBrowserUseSandbox(),
    createAnchorSandbox(),
    createBrowserAISandbox(),
  ]);
  return {
    browserUse,
    anchor,
    browserai,
    env: () => ({ ...browserUse.env(), ...anchor.env(), ...browserai.env() }),
    close: async () => {
      await Promise.all([browserUse.close(), anchor.close(), browserai.close()]);
    },
  };
}

/** Waits `ms` milliseconds (for scripted tasks to reach their end). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
