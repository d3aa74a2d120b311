#!/usr/bin/env node
// Run after tsup in a package directory (its `build` script): writes, for every entry of the
// package's `exports` map, the two one-line shims of scripts/build/package-build-config.ts:
//   <entry>.cjs    module.exports = require('./<entry>.js');   (require(esm): one module instance)
//   <entry>.d.ts   export * from './<entry>.cjs';              (the types, declared once as .d.cts)
// and checks that each target it points at was built.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const packageDirectory = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'));

for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
  if (typeof conditions === 'string') continue; // ./package.json
  const esm = conditions.import?.default;
  const esmTypes = conditions.import?.types;
  const cjs = conditions.require?.default;
  const cjsTypes = conditions.require?.types;
  if (!esm || !esmTypes || !cjs || !cjsTypes) {
    throw new Error(`exports["${subpath}"] needs import and require, each with types and default`);
  }
  for (const built of [esm, cjsTypes]) {
    if (!existsSync(join(packageDirectory, built))) throw new Error(`${built} was not built`);
  }
  if (dirname(esm) !== dirname(cjs) || dirname(cjsTypes) !== dirname(esmTypes)) {
    throw new Error(`exports["${subpath}"]: the shims must sit beside what they point at`);
  }
  writeFileSync(join(packageDirectory, cjs), `module.exports = require('./${basename(esm)}');\n`);
  writeFileSync(join(packageDirectory, esmTypes), `export * from './${basename(cjs)}';\n`);
}
