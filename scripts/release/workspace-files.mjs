// Reads the workspace's package manifests and changelogs, to see exactly what `version-packages` changed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Workspace package directories (relative), from the `dir/*` globs of pnpm-workspace.yaml. */
export function listWorkspacePackages(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s*-\s*['"]?([^'"\s]+)['"]?\s*$/gm)].map((match) => match[1]);
  const directories = [];
  for (const glob of globs) {
    if (!glob.endsWith('/*')) {
      if (existsSync(join(root, glob, 'package.json'))) directories.push(glob);
      continue;
    }
    const parent = glob.slice(0, -2);
    if (!existsSync(join(root, parent))) continue;
    for (const name of readdirSync(join(root, parent)).sort())
      if (existsSync(join(root, parent, name, 'package.json'))) directories.push(`${parent}/${name}`);
  }
  return directories;
}

/** `{ 'package.json': text, 'packages/core/package.json': text, 'packages/core/CHANGELOG.md': text, ... }`. */
export function snapshotWorkspace(root) {
  const snapshot = {};
  for (const directory of ['.', ...listWorkspacePackages(root)])
    for (const name of ['package.json', 'CHANGELOG.md']) {
      const file = directory === '.' ? name : `${directory}/${name}`;
      if (existsSync(join(root, file))) snapshot[file] = readFileSync(join(root, file), 'utf8');
    }
  return snapshot;
}

/** Files added, removed or changed between two snapshots. */
export function changedFiles(before, after) {
  const files = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...files].filter((file) => before[file] !== after[file]).sort();
}

/** The published (non-private) packages: `{ name, version, directory }`. */
export function listPublishedPackages(root) {
  return listWorkspacePackages(root)
    .map((directory) => ({
      directory,
      manifest: JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ directory, manifest }) => ({ name: manifest.name, version: manifest.version, directory }));
}
