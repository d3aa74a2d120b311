import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appDirectory = fileURLToPath(new URL('..', import.meta.url));
const cli = join(appDirectory, 'dist/cli.js');

/**
 * The tests spawn the built CLI as a user runs it. Builds it (tsup) when dist/cli.js is missing or older
 * than a source file, and fails early with a clear message when the @x packages are not built yet.
 */
export default function setup(): void {
  const require = createRequire(join(appDirectory, 'package.json'));
  for (const name of ['@x/core', '@x/browser-use', '@x/anchor', '@x/browserai']) {
    const entry = join(require.resolve(`${name}/package.json`), '..', 'dist/index.js');
    if (!existsSync(entry)) {
      throw new Error(`${name} is not built (${entry} is missing): run \`pnpm --filter '@x/*' build\` first`);
    }
  }
  if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(appDirectory, 'src'))) {
    execFileSync(
      process.execPath,
      [join(require.resolve('tsup/package.json'), '..', 'dist/cli-default.js')],
      {
        cwd: appDirectory,
        stdio: 'inherit',
      },
    );
  }
}

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}
