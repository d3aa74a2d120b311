import { defineConfig } from 'tsup';

// One ESM file per process the benchmark starts (the runner and its children). Dependencies stay
// external and are loaded lazily by each target, so a child process loads only the client it measures.
export default defineConfig({
  entry: {
    main: 'src/main.ts',
    'check-budgets': 'src/check-budgets.ts',
    'body-server': 'src/children/body-server.ts',
    'load-child': 'src/children/load-child.ts',
    'sandbox-host': 'src/children/sandbox-host.ts',
    'watch-child': 'src/children/watch-child.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  splitting: true,
});
