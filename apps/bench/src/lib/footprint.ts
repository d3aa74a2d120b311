import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Our published packages, by directory under `packages/`. */
export const OUR_PACKAGES = [
  { dir: 'core', name: '@x/core' },
  { dir: 'browser-use', name: '@x/browser-use' },
  { dir: 'anchor', name: '@x/anchor' },
  { dir: 'browserai', name: '@x/browserai' },
] as const;

/** A program a user would write to read one task, per provider (ours and the official SDKs). */
export const GET_TASK_PROGRAMS: Record<string, string> = {
  '@x/browser-use': [
    "import { createBrowserUse } from '@x/browser-use';",
    'const task = await createBrowserUse().getTask(process.argv[2]);',
    'console.log(task.status, task.output);',
  ].join('\n'),
  '@x/anchor': [
    "import { createAnchor } from '@x/anchor';",
    'const task = await createAnchor().getTask({ taskId: process.argv[2], executionId: process.argv[3] });',
    'console.log(task.status, task.output);',
  ].join('\n'),
  '@x/browserai': [
    "import { createBrowserAI } from '@x/browserai';",
    'const task = await createBrowserAI().getTask(process.argv[2]);',
    'console.log(task.status, task.output);',
  ].join('\n'),
  'browser-use-sdk': [
    "import { BrowserUse } from 'browser-use-sdk';",
    'const task = await new BrowserUse().tasks.get(process.argv[2]);',
    'console.log(task.status, task.output);',
  ].join('\n'),
  anchorbrowser: [
    "import Anchorbrowser from 'anchorbrowser';",
    'const result = await new Anchorbrowser().task.retrieveExecutionResult(process.argv[3], { taskId: process.argv[2] });',
    'console.log(result.data?.status);',
  ].join('\n'),
};

/** The environment for `npm` and `pnpm` run from here: without the `npm_*` settings pnpm passes to scripts. */
export function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm|pnpm)_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/** `pnpm pack`s each of our packages into `destination` (workspace ranges become real ones); name → tarball. */
export function packOurPackages(repoRoot: string, destination: string): Map<string, string> {
  mkdirSync(destination, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const { dir, name } of OUR_PACKAGES) {
    const before = new Set(readdirSync(destination));
    execFileSync('pnpm', ['pack', '--pack-destination', destination], {
      cwd: join(repoRoot, 'packages', dir),
      env: toolEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const created = readdirSync(destination).filter((file) => file.endsWith('.tgz') && !before.has(file));
    if (created.length !== 1) throw new Error(`pnpm pack in packages/${dir} made ${created.length} tarballs`);
    tarballs.set(name, join(destination, created[0]!));
  }
  return tarballs;
}

/**
 * A fresh project in `dir` that installs `specs` with npm, as a user would (`npm install <specs>`),
 * scripts off. `offline` forbids the registry (our tarballs need none: they depend on @x/* only).
 */
export function installProject(dir: string, specs: string[], options: { offline: boolean }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'footprint-probe', version: '0.0.0', private: true, type: 'module' }),
  );
  const flags = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  if (options.offline) flags.push('--offline');
  execFileSync('npm', [...flags, ...specs], {
    cwd: dir,
    env: toolEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * The project the cold-start measurement runs in, laid out as users get it: npm installs our packed
 * tarballs, the empty-package baseline (packed too) and `registrySpecs` (the official SDKs, from the
 * registry) into one flat `node_modules`, with no workspace symlinks; the one-line files of the
 * empty-module baseline go to `fixtures/`.
 */
export function createColdStartProject(
  repoRoot: string,
  dir: string,
  registrySpecs: readonly string[],
): void {
  const packs = join(dir, 'packs');
  const tarballs = [...packOurPackages(repoRoot, packs).values()];
  const fixtures = join(repoRoot, 'apps', 'bench', 'fixtures');
  const packed = execFileSync(
    'npm',
    ['pack', '--silent', '--pack-destination', packs, join(fixtures, 'empty-package')],
    {
      env: toolEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
    .toString()
    .trim()
    .split('\n')
    .at(-1)!;
  tarballs.push(join(packs, packed));
  installProject(dir, [...tarballs, ...registrySpecs], { offline: registrySpecs.length === 0 });
  mkdirSync(join(dir, 'fixtures'), { recursive: true });
  for (const file of ['empty.mjs', 'empty.cjs'])
    copyFileSync(join(fixtures, file), join(dir, 'fixtures', file));
}

export interface InstalledPackage {
  name: string;
  version: string;
  bytes: number;
  files: number;
}

export interface InstalledFootprint {
  /** Bytes of every regular file under node_modules (npm's own `.package-lock.json` excepted). */
  bytes: number;
  packages: InstalledPackage[];
  /** The largest files, relative to node_modules. */
  largestFiles: Array<{ path: string; bytes: number }>;
  /** Bytes by kind of file: what the install is made of. */
  byKind: Record<FileKind, number>;
  /** Bytes of the doc comments (`/** … *\/`) in the type declarations, testing subpath included. */
  docCommentBytes: number;
}

export type FileKind =
  | 'code'
  | 'types'
  | 'testing code'
  | 'testing types'
  | 'require shims'
  | 'source maps'
  | 'docs'
  | 'manifest'
  | 'other';

/**
 * What a file in an installed package is for: code and types of the main entry, of the `testing`
 * subpath (a `testing/` folder), the `.cjs` files (`require` shims of the ESM code in our packages).
 */
export function fileKind(path: string): FileKind {
  const testing = /(^|\/)testing\//.test(path);
  if (/\.map$/.test(path)) return 'source maps';
  if (/\.d\.[cm]?ts$/.test(path)) return testing ? 'testing types' : 'types';
  if (/\.cjs$/.test(path)) return 'require shims';
  if (/\.m?js$/.test(path)) return testing ? 'testing code' : 'code';
  if (/\.md$/i.test(path) || /(^|\/)LICEN[CS]E/i.test(path)) return 'docs';
  if (/(^|\/)package\.json$/.test(path)) return 'manifest';
  return 'other';
}

/** Bytes of the `/** … *\/` blocks in a declaration file (UTF-8). */
export function docCommentBytesOf(text: string): number {
  let bytes = 0;
  for (const match of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) bytes += Buffer.byteLength(match[0]);
  return bytes;
}

/** Walks `<dir>/node_modules`: bytes of regular files (symlinks such as `.bin` entries not followed). */
export function measureInstalled(dir: string): InstalledFootprint {
  const root = join(dir, 'node_modules');
  const packages: InstalledPackage[] = [];
  const files: Array<{ path: string; bytes: number }> = [];
  let total = 0;
  let docCommentBytes = 0;
  const walk = (path: string, owner: InstalledPackage | undefined) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        walk(full, packageAt(full) ?? owner);
      } else if (entry.isFile()) {
        if (full === join(root, '.package-lock.json')) continue;
        const bytes = lstatSync(full).size;
        total += bytes;
        if (/\.d\.[cm]?ts$/.test(full)) docCommentBytes += docCommentBytesOf(readFileSync(full, 'utf8'));
        files.push({ path: relative(root, full), bytes });
        if (owner) {
          owner.bytes += bytes;
          owner.files++;
        }
      }
    }
  };
  // A package root: a directory right under node_modules (or node_modules/@scope) with a package.json.
  const packageAt = (path: string): InstalledPackage | undefined => {
    const parent = relative(root, path).split('/');
    const underModules =
      parent.at(-2) === 'node_modules' ||
      (parent.at(-3) === 'node_modules' && parent.at(-2)?.startsWith('@')) ||
      parent.length === 1 ||
      (parent.length === 2 && parent[0]!.startsWith('@'));
    if (!underModules) return undefined;
    try {
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      const found = { name: manifest.name ?? path, version: manifest.version ?? '?', bytes: 0, files: 0 };
      packages.push(found);
      return found;
    } catch {
      return undefined;
    }
  };
  walk(root, undefined);
  files.sort((a, b) => b.bytes - a.bytes);
  packages.sort((a, b) => b.bytes - a.bytes);
  const byKind: Record<FileKind, number> = {
    code: 0,
    types: 0,
    'testing code': 0,
    'testing types': 0,
    'require shims': 0,
    'source maps': 0,
    docs: 0,
    manifest: 0,
    other: 0,
  };
  for (const file of files) byKind[fileKind(file.path)] += file.bytes;
  return { bytes: total, packages, largestFiles: files.slice(0, 8), byKind, docCommentBytes };
}

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Bytes each input contributes to the minified output, largest first. */
  inputs: Array<{ path: string; bytes: number }>;
}

/**
 * Bundles `program` (an ESM entry written into `dir`, resolving from `dir/node_modules`) with esbuild:
 * platform node, ESM, minified, tree-shaken; gzip level 9 with zlib.
 */
export async function bundleSize(dir: string, program: string): Promise<BundleSize> {
  const { build } = await import('esbuild');
  const entry = join(dir, 'get-task.mjs');
  writeFileSync(entry, `${program}\n`);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!.contents;
  const meta = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(meta.inputs)
    .map(([path, info]) => ({ path, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { minBytes: output.length, gzipBytes: gzipSync(output, { level: 9 }).length, inputs };
}

/** The runtime dependencies a package declares that are not ours (`@x/*`). */
export function foreignDependencies(repoRoot: string, dir: string): string[] {
  const manifest = JSON.parse(
    readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8'),
  ) as Record<string, Record<string, string> | undefined>;
  const declared = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
    Object.keys(manifest[field] ?? {}).map((name) => `${name} (${field})`),
  );
  return declared.filter((entry) => !entry.startsWith('@x/'));
}
