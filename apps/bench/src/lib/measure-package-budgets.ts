import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BundleSize,
  bundleSize,
  foreignDependencies,
  GET_TASK_PROGRAMS,
  type InstalledFootprint,
  installProject,
  measureInstalled,
  packOurPackages,
} from './footprint';
import { PROVIDERS } from './goals';

export interface ProviderFootprint {
  name: string;
  /** Runtime dependencies of the provider and of @x/core that are not @x/* (should be none). */
  foreignDependencies: string[];
  installed: InstalledFootprint;
  bundle: BundleSize;
  /** Size of each packed tarball (provider, core). */
  tarballBytes: Record<string, number>;
}

/**
 * The deterministic measures of our packages: pack them (`pnpm pack`), install one provider's tarball
 * with @x/core's into a fresh project with `npm install --offline`, measure node_modules, and bundle a
 * getTask program from that project with esbuild.
 */
export async function measurePackageBudgets(repoRoot: string): Promise<ProviderFootprint[]> {
  const work = mkdtempSync(join(tmpdir(), 'x-bench-footprint-'));
  try {
    const tarballs = packOurPackages(repoRoot, join(work, 'tarballs'));
    const coreTarball = tarballs.get('@x/core')!;
    const coreForeign = foreignDependencies(repoRoot, 'core').map((entry) => `@x/core: ${entry}`);
    const results: ProviderFootprint[] = [];
    for (const provider of PROVIDERS) {
      const tarball = tarballs.get(provider.name)!;
      const project = join(work, provider.dir);
      installProject(project, [coreTarball, tarball], { offline: true });
      results.push({
        name: provider.name,
        foreignDependencies: [
          ...coreForeign,
          ...foreignDependencies(repoRoot, provider.dir).map((entry) => `${provider.name}: ${entry}`),
        ],
        installed: measureInstalled(project),
        bundle: await bundleSize(project, GET_TASK_PROGRAMS[provider.name]!),
        tarballBytes: {
          [provider.name]: readFileSync(tarball).length,
          '@x/core': readFileSync(coreTarball).length,
        },
      });
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
