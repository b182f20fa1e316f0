import { defineConfig } from 'vitest/config';

// JSX as Next compiles it (the automatic runtime), for the tests of components.
export default defineConfig({ esbuild: { jsx: 'automatic' }, test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] } });
