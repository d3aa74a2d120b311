import { defineConfig } from 'vitest/config';

// The tests spawn the built CLI (dist/cli.js) as a user would; global-setup builds it when it is stale.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 40_000,
    hookTimeout: 60_000,
  },
});
