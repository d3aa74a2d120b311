import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

// The suite runs against the packages' sources (no build needed), except the soak and the built-package
// checks, which spawn plain `node` on the built `dist/` as a user's process would.
export default defineConfig({
  define: { __PACKAGE_VERSION__: JSON.stringify('0.0.0-test') },
  resolve: {
    alias: [
      { find: /^@x\/core\/testing$/, replacement: source('core/src/testing/index.ts') },
      { find: /^@x\/core$/, replacement: source('core/src/index.ts') },
      { find: /^@x\/browser-use\/testing$/, replacement: source('browser-use/src/testing/index.ts') },
      { find: /^@x\/browser-use$/, replacement: source('browser-use/src/index.ts') },
      { find: /^@x\/anchor\/testing$/, replacement: source('anchor/src/testing/index.ts') },
      { find: /^@x\/anchor$/, replacement: source('anchor/src/index.ts') },
      { find: /^@x\/browserai\/testing$/, replacement: source('browserai/src/testing/index.ts') },
      { find: /^@x\/browserai$/, replacement: source('browserai/src/index.ts') },
    ],
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    setupFiles: ['../../tools/test/nock-setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // `global.gc` for the memory checks (RSS before and after a 50 MB body).
    execArgv: ['--expose-gc'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
