#!/usr/bin/env node
// What `pnpm new-provider` writes, checked file by file in a temporary --dir (no install, no build; under a
// second): the package name, both exports, `files`, one file per template (LICENSE included), the changeset,
// the environment variable and export names of a name with two hyphens, a reserved name refused, and an
// --example package private under @x-examples/ with no changeset. scripts/ci-checks/new-provider.sh runs it
// as one of its checks; the install, build and test of a generated package are its other checks.
// Usage: node scripts/check-new-provider-output.mjs [repo root]. Exits 1 when any check fails.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(repo, 'scripts', 'new-provider.mjs');
const templates = join(repo, 'scripts', 'new-provider', 'templates', 'package');
const dir = mkdtempSync(join(tmpdir(), 'np-out-'));
mkdirSync(join(dir, 'packages', 'core'), { recursive: true });
writeFileSync(join(dir, 'packages', 'core', 'package.json'), '{"name":"@x/core"}');
const run = (...args) =>
  spawnSync(process.execPath, [script, ...args, '--dir', dir, '--no-format'], { encoding: 'utf8' });
let failed = 0;
const check = (label, ok) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${label}`);
  if (!ok) failed++;
};
const list = (root) =>
  readdirSync(root).flatMap((e) =>
    statSync(join(root, e)).isDirectory() ? list(join(root, e)).map((f) => `${e}/${f}`) : [e],
  );
try {
  const name = 'acme-super-agent';
  check('scaffold exits 0', run(name).status === 0);
  const pkgDir = join(dir, 'packages', name);
  check('--dir honoured (package written there)', existsSync(pkgDir));
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  check('package name is @x/<name>', manifest.name === `@x/${name}`);
  check('exports . and ./testing', Boolean(manifest.exports?.['.'] && manifest.exports?.['./testing']));
  check('files ships README.md', manifest.files?.includes('README.md') && manifest.files?.includes('dist'));
  const expected = list(templates)
    .map((f) => f.slice(0, -'.tmpl'.length).replaceAll('__name__', name))
    .sort();
  check(
    'one file per template (LICENSE, tests... included)',
    JSON.stringify(list(pkgDir).sort()) === JSON.stringify(expected),
  );
  check('changeset written', existsSync(join(dir, '.changeset', `${name}-first-release.md`)));
  const provider = readFileSync(join(pkgDir, 'src', `${name}-provider.ts`), 'utf8');
  check(
    'env var ACME_SUPER_AGENT_API_KEY, no hyphen left',
    provider.includes("'ACME_SUPER_AGENT_API_KEY'") && !/[A-Z]-[A-Z]/.test(provider),
  );
  const index = readFileSync(join(pkgDir, 'src', 'index.ts'), 'utf8');
  check('default provider exported as camelCase acmeSuperAgent', /\bacmeSuperAgent,/.test(index));
  check(
    'reserved name "testing" rejected (exit 1)',
    run('testing').status === 1 && !existsSync(join(dir, 'packages', 'testing')),
  );
  check('--example exits 0', run('demo-vendor', '--example').status === 0);
  const example = JSON.parse(readFileSync(join(dir, 'examples', 'demo-vendor', 'package.json'), 'utf8'));
  check(
    '--example: private @x-examples/<name>, no publishConfig',
    example.private === true && example.name === '@x-examples/demo-vendor' && !example.publishConfig,
  );
  check('--example: no changeset', !existsSync(join(dir, '.changeset', 'demo-vendor-first-release.md')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? `${failed} failed` : 'all ok');
process.exit(failed ? 1 : 0);
