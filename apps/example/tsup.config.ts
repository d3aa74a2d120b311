import { defineConfig } from 'tsup';

// One ESM file, dist/cli.js (the shebang in src/cli.ts is kept and the file made executable).
// Dependencies stay external: @x/* resolve to the packages' own builds, as for any user.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
});
