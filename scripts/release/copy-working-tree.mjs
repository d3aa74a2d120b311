// Copies the repository's working tree (tracked and untracked files, not ignored ones) to a directory.
// On CI, a fresh clone, this is the committed state; locally it includes uncommitted work.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Directories never copied, whatever git says: installs, builds, caches and CI tools. */
const SKIPPED = ['node_modules', 'dist', '.turbo', '.git', '.ci/.tools', '.ci/results', 'coverage'];

/** Copies `root` to `destination` and returns the number of files copied. */
export function copyWorkingTree(root, destination) {
  const files = listFiles(root).filter((file) => !isSkipped(file) && existsSync(join(root, file)));
  for (const file of files) {
    const target = join(destination, file);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(root, file), target, { dereference: false, preserveTimestamps: true });
  }
  return files.length;
}

function listFiles(root) {
  try {
    const output = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [...new Set(output.split('\0').filter(Boolean))];
  } catch {
    return walk(root, root); // not a git checkout: copy everything but the skipped directories
  }
}

function walk(root, directory) {
  const files = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    const file = relative(root, path).split(sep).join('/');
    if (isSkipped(file)) continue;
    if (lstatSync(path).isDirectory()) files.push(...walk(root, path));
    else files.push(file);
  }
  return files;
}

function isSkipped(file) {
  const parts = file.split('/');
  return SKIPPED.some((skipped) =>
    skipped.includes('/') ? file === skipped || file.startsWith(`${skipped}/`) : parts.includes(skipped),
  );
}
