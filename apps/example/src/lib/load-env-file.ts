import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Loads `.env` from the current directory when there is one (`pnpm start` runs at the repository root,
 * `pnpm --filter example start` in apps/example). Variables already set in the environment win.
 * Returns the file read, if any.
 */
export function loadEnvFile(fileName = '.env'): string | undefined {
  const file = resolve(process.cwd(), fileName);
  if (!existsSync(file)) return undefined;
  process.loadEnvFile(file); // Node ≥ 20.12; never overrides a variable already set
  return file;
}
