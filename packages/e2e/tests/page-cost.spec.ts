/**
 * What federation may not cost the user: a page that jumps while its remote
 * parts' styles arrive, a script downloaded again on every visit, an issue in
 * Chromium's Issues panel. The figures themselves live in `pnpm bench:cost`.
 */
import { expect, test } from '@playwright/test';
import { apps, routes } from '../src/apps';
import { waitForHydration } from '../src/console';
import { layoutShift, watchIssues, watchLayoutShift, watchScriptTransfer } from '../src/page-cost';
import { waitUntilSettled } from '../src/settled';

/** The issue's target: Cumulative Layout Shift at most 0.02 (0.1 is "good" in Web Vitals). */
const MAX_LAYOUT_SHIFT = 0.02;

test.beforeAll(async () => waitUntilSettled());

for (const app of apps) {
  test.describe(`from ${app.name}`, () => {
    for (const route of routes) {
      test(`${route.path} does not jump while it loads and raises no Chromium issue`, async ({ page }) => {
        const issues = await watchIssues(page);
        await watchLayoutShift(page);
        await page.goto(`${app.url}${route.path}`);
        await waitForHydration(page);
        await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
        const shift = await layoutShift(page);
        expect(shift.total, `shifted: ${shift.sources.join(', ')}`).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
        expect(issues).toEqual([]);
      });
    }

    test('a repeat visit downloads no script, remote entries included', async ({ page }) => {
      const transfer = await watchScriptTransfer(page);
      await page.goto(`${app.url}/shop`);
      await waitForHydration(page);
      const first = transfer();
      // The page used at least one other app's entry, named by that app's build.
      expect(first.fromNetwork.filter((url) => /\/remoteEntry\.js\?t=[\w-]+$/.test(url)).length).toBeGreaterThan(0);

      await page.goto(`${app.url}/shop`);
      await waitForHydration(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
      const repeat = transfer();
      expect(repeat.fromNetwork.slice(first.fromNetwork.length)).toEqual([]);
    });
  });
}
