import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A child process of the benchmark with an IPC channel. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the next message of this type (rejects if the child exits first or after `timeoutMs`). */
  next<T>(type: string, timeoutMs?: number): Promise<T>;
  send(message: unknown): void;
  /** Closes the channel and ends the child by its pid; resolves when it has exited. */
  stop(): Promise<void>;
}

/** Path of a built entry next to this file (`dist/<name>.js`). */
export function distEntry(name: string): string {
  return fileURLToPath(new URL(`./${name}.js`, import.meta.url));
}

/** Starts `dist/<entry>.js` with `node` and an IPC channel. */
export function startChild(entry: string, args: string[] = [], execArgv: string[] = []): Child {
  const child = fork(distEntry(entry), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  const inbox: Array<{ type: string }> = [];
  const waiters: Array<{ type: string; resolve: (m: unknown) => void }> = [];
  let exited: Error | undefined;
  const exitWaiters: Array<() => void> = [];
  child.on('message', (message: { type: string }) => {
    const index = waiters.findIndex((waiter) => waiter.type === message.type);
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  child.on('exit', (code, signal) => {
    exited = new Error(`child ${entry} exited (code ${code}, signal ${signal})`);
    for (const waiter of exitWaiters.splice(0)) waiter();
  });
  return {
    process: child,
    next<T>(type: string, timeoutMs = 120_000): Promise<T> {
      const index = inbox.findIndex((message) => message.type === type);
      if (index >= 0) return Promise.resolve(inbox.splice(index, 1)[0] as T);
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          type,
          resolve: (message: unknown) => {
            clearTimeout(timer);
            resolve(message as T);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`child ${entry}: no "${type}" message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
        const onExit = () => {
          clearTimeout(timer);
          reject(exited);
        };
        if (exited) onExit();
        else exitWaiters.push(onExit);
      });
    },
    send(message: unknown) {
      child.send(message as object);
    },
    stop() {
      if (exited) return Promise.resolve();
      return new Promise<void>((resolve) => {
        exitWaiters.push(resolve);
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => {
          if (!exited && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
        }, 5_000);
        timer.unref();
      });
    },
  };
}
