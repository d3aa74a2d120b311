import { defineConfig } from 'vitest/config';

// Unit tests of the benchmark's own logic (statistics, the polling plan against the real sandboxes).
// No timing is asserted anywhere: the numbers live in docs/benchmarks.md.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
