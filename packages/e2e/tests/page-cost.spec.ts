/**
 * What federation may not cost the user: a page that jumps while its remote
 * parts' styles arrive, a second copy of the Module Federation runtime, a
 * script downloaded again on every visit, an issue in Chromium's Issues panel,
 * a stylesheet linked twice.
 * The figures themselves: `pnpm bench:cost`.
 */
import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { watchIssues } from '../src/chromium-issues';
import { waitForHydration } from '../src/console';
import { measurePage } from '../src/page-cost';
import { waitUntilSettled } from '../src/settled';

/** The issue's target: Cumulative Layout Shift at most 0.02 (Web Vitals call 0.1 "good"). */
const MAX_LAYOUT_SHIFT = 0.02;

test.beforeAll(async () => waitUntilSettled());

for (const app of registry) {
  test.describe(`from ${app.name}`, () => {
    for (const route of routes) {
      test(`${route.path} does not jump while it loads, runs one MF runtime, and a repeat visit downloads no script`, async ({ browser }) => {
        const cost = await measurePage(browser, `${app.url}${route.path}`);
        expect(cost.first.cls).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
        // The host's runtime and every remote entry use the page's one copy (runtime-core-script).
        expect(cost.runtimeCopies).toBe(1);
        // The page used other apps' entries, each named by that app's build, so a browser may keep them.
        const entries = cost.first.scripts.filter((script) => script.url.includes('/remoteEntry.js'));
        expect(entries.length).toBeGreaterThan(0);
        for (const entry of entries) expect(entry.url).toMatch(/\/remoteEntry\.js\?t=[\w-]+$/);
        // A repeat visit fetches no script over the network: every one is in the first visit's cache.
        const again = cost.repeat.scripts.filter((script) => !script.fromCache);
        expect(again.map((script) => script.url)).toEqual([]);
        expect(again.reduce((sum, script) => sum + script.bytes, 0)).toBe(0);
      });

      test(`${route.path} raises no issue in Chromium's Issues panel and links each stylesheet once`, async ({ page }) => {
        const issues = await watchIssues(page);
        await page.goto(`${app.url}${route.path}`);
        await waitForHydration(page);
        await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
        expect(issues).toEqual([]);
        // By resolved URL: Next links the page's CSS by path, the document other apps' by absolute URL.
        const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
        expect(stylesheets.length).toBeGreaterThan(0);
        expect(stylesheets.filter((href, index) => stylesheets.indexOf(href) !== index)).toEqual([]);
      });
    }
  });
}
