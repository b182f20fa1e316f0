import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { waitUntilSettled } from '../src/settled';
import { waitForHydration, watchConsole } from '../src/console';
import { markWindow, stillSameWindow } from '../src/no-reload';

test.beforeAll(async () => waitUntilSettled());

for (const app of registry) {
  test.describe(`from ${app.name}`, () => {
    for (const route of routes) {
      test(`${route.path} hydrates with no console error or warning`, async ({ page }) => {
        const problems = watchConsole(page);
        await page.goto(`${app.url}${route.path}`);
        await waitForHydration(page);
        await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(problems).toEqual([]);
      });
    }

    test('nav links navigate between every route without a reload', async ({ page }) => {
      const problems = watchConsole(page);
      await page.goto(`${app.url}/`);
      await waitForHydration(page);
      await markWindow(page);
      const nav = page.getByRole('navigation', { name: 'Site' });
      for (const [label, path, heading] of [
        ['Shop', '/shop', 'Shop'],
        ['Checkout', '/checkout', 'Checkout'],
        ['Home', '/', 'Things we like'],
      ] as const) {
        await nav.getByRole('link', { name: label, exact: true }).click();
        await expect(page).toHaveURL(`${app.url}${path}`);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      }
      expect(await stillSameWindow(page)).toBe(true);
      expect(problems).toEqual([]);
    });

    test('add to cart updates the badge at once, shows on /checkout and survives a reload', async ({ page }) => {
      const problems = watchConsole(page);
      await page.goto(`${app.url}/p/enamel-mug`);
      await waitForHydration(page);
      await markWindow(page);
      const badge = page.getByTestId('cart-count');
      await expect(badge).toHaveText('0');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(badge).toHaveText('1');
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await expect(badge).toHaveText('2');

      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: /^Cart/ }).click();
      await expect(page).toHaveURL(`${app.url}/checkout`);
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await expect(page.getByTestId('cart-line')).toContainText('Enamel Mug');
      await expect(page.getByTestId('cart-total')).toHaveText('$36.00');
      expect(await stillSameWindow(page)).toBe(true);

      await page.reload();
      await waitForHydration(page);
      await expect(page.getByTestId('cart-total')).toHaveText('$36.00');
      await expect(badge).toHaveText('2');
      expect(problems).toEqual([]);
    });

    test("a remote page's next/link and next/router work (shop's product page)", async ({ page }) => {
      const problems = watchConsole(page);
      await page.goto(`${app.url}/shop`);
      await waitForHydration(page);
      await markWindow(page);
      await page.getByRole('link', { name: 'Canvas Tote' }).click();
      await expect(page).toHaveURL(`${app.url}/p/canvas-tote`);
      await expect(page.getByRole('heading', { level: 1, name: 'Canvas Tote' })).toBeVisible();
      await page.getByRole('link', { name: '← All products' }).click();
      await expect(page).toHaveURL(`${app.url}/shop`);
      expect(await stillSameWindow(page)).toBe(true);
      expect(problems.filter((text) => text.includes('NextRouter was not mounted'))).toEqual([]);
      expect(problems).toEqual([]);
    });
  });
}
