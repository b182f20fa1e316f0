import { defineConfig } from 'vitest/config';

export default defineConfig({
  // JSX as Next compiles it (the automatic runtime), for the tests of components.
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Some tests start real processes (the CLI, workers, a webpack build) while turbo runs every
    // package's tests at once on a 2-core machine: vitest's 5 s default is too tight a bound there.
    testTimeout: 30_000,
  },
});
