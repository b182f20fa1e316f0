import { expect, test } from '@playwright/test';
import { registry, routes } from '../src/apps';
import { waitUntilSettled } from '../src/settled';

// What a crawler or a no-JS visitor gets: the server HTML alone.
test.use({ javaScriptEnabled: false });

test.beforeAll(async () => waitUntilSettled());

for (const app of registry) {
  for (const route of routes) {
    test(`${app.name} server-renders ${route.path} (owned by ${route.owner})`, async ({ page }) => {
      const response = await page.goto(`${app.url}${route.path}`);
      expect(response?.status()).toBe(200);

      const nav = page.getByRole('navigation', { name: 'Site' });
      await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
      await expect(nav.getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/shop');
      await expect(nav.getByRole('link', { name: /^Cart, 0 items$/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
      await expect(page.locator('[data-remote-fallback]')).toHaveCount(0);

      if (route.path === '/') await expect(page.getByTestId('product-card')).toHaveCount(3);
      if (route.path === '/shop') {
        await expect(page.getByTestId('product-card')).toHaveCount(4);
        await expect(page.getByTestId('product-card').first()).toContainText('$18.00');
      }
      if (route.path.startsWith('/p/')) {
        await expect(page.getByTestId('product-price')).toHaveText('$18.00');
        await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();
      }
      if (route.path === '/checkout') await expect(page.getByTestId('cart-empty')).toBeVisible();
    });
  }

  test(`${app.name} answers an unknown path with 404 and the nav`, async ({ page }) => {
    const response = await page.goto(`${app.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Shop' })).toBeVisible();
    // Deeper, under an owner's route, and with a query: the catch-all matches them all, and knows no page there.
    expect((await page.goto(`${app.url}/no/such/page?x=1`))?.status()).toBe(404);
    expect((await page.goto(`${app.url}/p/enamel-mug/more`))?.status()).toBe(404);
  });

  test(`${app.name} puts remote CSS in the server HTML and serves remote images`, async ({ page, request }) => {
    await page.goto(`${app.url}/`);
    // The product card is shop's: its CSS Module and its image come from shop's origin.
    const card = page.getByTestId('product-card').first();
    await expect(card).toHaveCSS('border-radius', '12px');
    const imageUrl = await page.getByTestId('product-image').first().getAttribute('src');
    expect(imageUrl).toBeTruthy();
    const image = await request.get(new URL(imageUrl as string, app.url).toString());
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toContain('image/svg');
  });

  test(`${app.name} gives each of many concurrent renders the remote tags of its own page`, async () => {
    // nextjs-mf records what a render used in one process-wide set; each request must get its own.
    const tags = async (path: string) => {
      const html = await (await fetch(`${app.url}${path}`)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      return [...head.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '').sort();
    };
    const alone = new Map<string, string[]>();
    for (const route of routes) alone.set(route.path, await tags(route.path));
    const paths = Array.from({ length: 10 }, () => routes.map((route) => route.path)).flat();
    const together = await Promise.all(paths.map(async (path) => ({ path, tags: await tags(path) })));
    for (const { path, tags: seen } of together) expect(seen, path).toEqual(alone.get(path));
  });
}
