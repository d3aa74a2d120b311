import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against @x/core's sources, so no build is needed first.
export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: {
    alias: [
      {
        find: /^@x\/core\/testing$/,
        replacement: fileURLToPath(new URL('../../packages/core/src/testing/index.ts', import.meta.url)),
      },
      {
        find: /^@x\/core$/,
        replacement: fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../../tools/test/nock-setup.ts'],
    testTimeout: 10_000,
  },
});
