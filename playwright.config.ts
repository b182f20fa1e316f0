import { defineConfig } from '@playwright/test';
import { registry } from './packages/e2e/src/apps';
import { chromiumLaunchOptions } from './packages/e2e/src/chromium';

// End-to-end tests run against production builds (`pnpm build` first; `pnpm test` does it).
export default defineConfig({
  testDir: './packages/e2e/tests',
  outputDir: './packages/e2e/test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  // One production server per app, each started on its own: no start order.
  webServer: registry.map((app) => ({
    command: `pnpm --filter ${app.name} start`,
    url: `${app.url}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
