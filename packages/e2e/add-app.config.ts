import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/chromium';

// The add-an-app test changes the working tree and rebuilds every app, so it
// runs on its own, after the main suite, with servers it starts itself.
export default defineConfig({
  testDir: './add-app',
  outputDir: './test-results/add-app',
  timeout: 600_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: 'list',
  use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions },
});
