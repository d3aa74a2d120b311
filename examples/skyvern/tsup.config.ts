import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'node',
  splitting: true,
  minify: true,
  treeshake: true,
  tsconfig: 'tsconfig.build.json',
  define: { __PACKAGE_VERSION__: JSON.stringify(pkg.version) },
});
