import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['../../tools/test/nock-setup.ts'],
    testTimeout: 10_000,
  },
});
