import { expect, test } from '@playwright/test';
import { waitForHydration } from '../src/console';
import { Fleet } from '../src/fleet';
import { markWindow, stillSameWindow } from '../src/no-reload';
import { startApp, waitFor, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';
import { markShopCard, restoreShopCard } from '../src/shop-card';

// A developer works on shop alone: `pnpm --filter shop dev` with the other apps' origins pointing at a
// deployed environment that requires the SSR secret. Production servers of home and checkout stand in for it.
const SECRET = 'staging-secret-0123456789abcdef';
const ports = { checkout: 4160, home: 4161, shop: 4162 };
const deployed = new Fleet(ports, { FEDERATION_SSR_SECRET: SECRET });
const shopUrl = `http://localhost:${ports.shop}`;

test.describe.serial('one app in dev against a deployed environment', () => {
  test.describe.configure({ timeout: 300_000 });
  let shop: RunningApp;

  test.beforeAll(async () => {
    deployed.startAll(['home', 'checkout']);
    await waitUntilSettled(deployed.urls, 60_000, ['shop']);
    shop = startApp('shop', {
      mode: 'dev',
      port: ports.shop,
      env: { HOME_ORIGIN: deployed.url('home'), CHECKOUT_ORIGIN: deployed.url('checkout'), FEDERATION_SSR_SECRET: SECRET },
    });
  });

  test.afterAll(async () => {
    restoreShopCard();
    await shop?.stop();
    await deployed.stopAll();
  });

  test("the dev server renders the deployed apps' parts and pages, on the server", async () => {
    // home's page through the catch-all, with shop's (local) cards and the deployed nav and cart badge.
    const root = await waitFor(
      `${shopUrl}/`,
      (status, body) => status === 200 && body.includes('data-testid="product-card"') && !body.includes('data-remote-fallback'),
      240_000,
    );
    expect(root).toContain('Things we like');
    expect(root).toContain('aria-label="Cart, 0 items"');
    const checkout = await waitFor(`${shopUrl}/checkout`, (status, body) => status === 200 && !body.includes('data-remote-fallback'), 60_000);
    expect(checkout).toContain('Your cart is empty.');
  });

  test('in the browser: nav, catch-all routes, the cart, and Fast Refresh of a local edit', async ({ page }) => {
    // Settled: no fresh dev server on its way (a swap reconnects the HMR socket, and Next reloads the page).
    await waitUntilSettled([shopUrl], 120_000);
    await page.goto(`${shopUrl}/shop`); // compiled on first visit, like any next dev page
    await page.goto(`${shopUrl}/p/enamel-mug`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByTestId('cart-count')).toHaveText('1');
    await markWindow(page);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Checkout', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await expect(page.getByText('Enamel Mug').first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Shop', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
    expect(await stillSameWindow(page)).toBe(true);

    const edit = `edited-${Date.now().toString(36)}`;
    markShopCard(edit);
    await expect(page.getByText(edit).first()).toBeVisible({ timeout: 60_000 });
    expect(await stillSameWindow(page), 'Fast Refresh, not a reload').toBe(true);
    await expect(page.getByTestId('cart-count')).toHaveText('1');
  });
});
