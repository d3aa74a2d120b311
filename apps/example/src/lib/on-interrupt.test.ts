import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode } from './exit-codes';
import { onInterrupt } from './on-interrupt';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('onInterrupt', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'the first %s aborts the signal; a second one exits at once with 130',
    (name) => {
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      const interrupt = onInterrupt();
      try {
        process.emit(name);
        expect(interrupt.signal.aborted).toBe(true);
        expect(exit).not.toHaveBeenCalled();
        process.emit(name);
        expect(exit).toHaveBeenCalledWith(ExitCode.interrupted);
        expect(ExitCode.interrupted).toBe(130);
      } finally {
        interrupt.dispose();
      }
    },
  );

  it('dispose removes its handlers', () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const interrupt = onInterrupt();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(
      before.map((count) => count + 1),
    );
    interrupt.dispose();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});
