import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';

/**
 * The tsup build every published package (and every package `pnpm new-provider` creates) shares.
 *
 * One copy of the code and one copy of the types, for both module systems:
 * - the JavaScript is built once, as ESM (`dist/**\/*.js`, minified, shared chunks);
 * - the declarations are built once, as CommonJS declarations (`dist/**\/*.d.cts`);
 * - then `scripts/build/write-format-shims.mjs` writes the other half of the `exports` map as
 *   one-line shims: `index.cjs` is `module.exports = require('./index.js')` (Node's `require(esm)`,
 *   unflagged since 20.19 and 22.12, hence `engines`), and `index.d.ts` is `export * from './index.cjs'`.
 * `packageJson` is the package's manifest (for the version); `tsconfig` its build tsconfig, if any.
 * So `import` and `require` load the very same module instance (no dual-package hazard), and npm
 * installs each byte once.
 */
export function packageBuildConfig(packageJson: URL, tsconfig?: string): Options[] {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    version: string;
  };
  const shared: Options = {
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    target: 'es2022',
    platform: 'node',
    tsconfig,
    define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
  };
  return [
    {
      ...shared,
      format: ['esm'],
      clean: true,
      sourcemap: false,
      splitting: true,
      minify: true,
      treeshake: true,
    },
    { ...shared, format: ['cjs'], dts: { only: true } },
  ];
}
