import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/chromium';

// Tests that change the working tree, rebuild apps, or start and stop servers
// to play deploys and outages: one at a time, after the main suite, each with
// servers it starts itself on ports of its own.
export default defineConfig({
  testDir: './serial',
  outputDir: './test-results/serial',
  timeout: 600_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: 'list',
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions },
});
