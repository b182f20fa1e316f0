/**
 * What a copied template hands on: pages that pass axe-core's accessibility
 * rules (WCAG A/AA and best practices, heading order included) and carry their
 * own title and description, on every route from every app, as the browser
 * shows them after hydration.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { waitForHydration } from '../src/console';
import { waitUntilSettled } from '../src/settled';

const SITE_NAME = 'Federated store';

test.beforeAll(async () => waitUntilSettled());

for (const app of registry) {
  test.describe(`from ${app.name}`, () => {
    for (const route of routes) {
      test(`${route.path} passes axe-core and has its own title and description`, async ({ page }) => {
        // In the server HTML already: crawlers and link previews do not run the page's script.
        const html = await (await fetch(`${app.url}${route.path}`)).text();
        expect(html).toMatch(new RegExp(`<title[^>]*>${route.heading} · ${SITE_NAME}</title>`));
        expect(html.match(/<meta name="description" content="[^"]{20,}"/g)).toHaveLength(1);

        await page.goto(`${app.url}${route.path}`);
        await waitForHydration(page);
        await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();

        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

        await expect(page).toHaveTitle(`${route.heading} · ${SITE_NAME}`);
        const descriptions = page.locator('head meta[name="description"]');
        await expect(descriptions).toHaveCount(1);
        expect((await descriptions.getAttribute('content'))?.length).toBeGreaterThan(20);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      });
    }
  });
}
