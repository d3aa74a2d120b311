import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `.env` from the current directory when there is one (`pnpm start` runs at the repository root,
 * `pnpm --filter example start` in apps/example). Variables already set in the environment win.
 * Only a regular file (or a link to one) is read: a `.env` directory, such as a Python virtualenv, is
 * skipped silently. Returns the file read, if any.
 */
export function loadEnvFile(fileName = '.env'): string | undefined {
  const file = resolve(process.cwd(), fileName);
  if (!isFile(file)) return undefined;
  process.loadEnvFile(file); // Node ≥ 20.12; never overrides a variable already set
  return file;
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // e.g. a dangling link or a path through a file (ENOTDIR): nothing to load
  }
}
