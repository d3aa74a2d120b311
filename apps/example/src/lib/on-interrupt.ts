import { ExitCode } from './exit-codes';

/**
 * An `AbortSignal` that fires on the first Ctrl-C (SIGINT) or SIGTERM, so a watch can stop cleanly and
 * print what it saw. A second Ctrl-C exits at once. Call `dispose` when done.
 */
export function onInterrupt(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
