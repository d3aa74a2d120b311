import { type AnchorSandbox, createAnchorSandbox } from '@x/anchor/testing';
import { type BrowserUseSandbox, createBrowserUseSandbox } from '@x/browser-use/testing';
import { type BrowserAISandbox, createBrowserAISandbox } from '@x/browserai/testing';

/** The three vendor sandboxes: real HTTP servers on 127.0.0.1 speaking each vendor's API. */
export interface Sandboxes {
  browserUse: BrowserUseSandbox;
  anchor: AnchorSandbox;
  browserai: BrowserAISandbox;
  close(): Promise<void>;
}

/** Starts the three sandboxes side by side, each on a free port; if one fails to start, the others are closed. */
export async function startSandboxes(): Promise<Sandboxes> {
  const started = await Promise.allSettled([
    createBrowserUseSandbox(),
    createAnchorSandbox(),
    createBrowserAISandbox(),
  ] as const);
  const [browserUse, anchor, browserai] = started;
  if (
    browserUse.status === 'fulfilled' &&
    anchor.status === 'fulfilled' &&
    browserai.status === 'fulfilled'
  ) {
    const sandboxes = [browserUse.value, anchor.value, browserai.value];
    return {
      browserUse: browserUse.value,
      anchor: anchor.value,
      browserai: browserai.value,
      close: async () => {
        await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
      },
    };
  }
  await Promise.all(
    started.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
  );
  const failure = started.find((result) => result.status === 'rejected');
  throw failure?.reason;
}
