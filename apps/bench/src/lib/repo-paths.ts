import { fileURLToPath } from 'node:url';

/** apps/bench (this file is bundled into apps/bench/dist). */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The monorepo root. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
