import { defineConfig } from 'vitest/config';

// Only the unit-level checks here; the Playwright suites run with `pnpm test:e2e` / `test:serial`.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
