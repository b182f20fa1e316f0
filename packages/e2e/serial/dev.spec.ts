import { expect, test } from '@playwright/test';
import { waitForHydration } from '../src/console';
import { markWindow, stillSameWindow } from '../src/no-reload';
import { waitUntilSettled } from '../src/settled';
import { originsEnv, startApp, waitFor, type RunningApp } from '../src/servers';
import { markShopCard, restoreShopCard } from '../src/shop-card';

// Dev servers on ports of their own, so they run beside the production servers.
const ports = { home: 4101, shop: 4102, checkout: 4100 };
const env = originsEnv(ports);

test.describe('dev mode', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  const running: RunningApp[] = [];

  test.afterAll(async () => {
    restoreShopCard();
    await Promise.all(running.map((app) => app.stop()));
  });

  test('server-renders remotes, whatever order the apps start in', async () => {
    // The host first: its remotes are not there yet.
    const home = startApp('home', { mode: 'dev', port: ports.home, env });
    running.push(home);
    const before = await waitFor(`${home.url}/`, (status) => status === 200, 180_000);
    expect(before).toContain('Things we like');
    expect(before).toContain('data-remote-fallback');

    running.push(startApp('shop', { mode: 'dev', port: ports.shop, env }));
    running.push(startApp('checkout', { mode: 'dev', port: ports.checkout, env }));

    // Picked up without restarting home: the shop page, rendered by home's server.
    const html = await waitFor(
      `${home.url}/shop`,
      (status, body) => status === 200 && body.includes('Canvas Tote') && !body.includes('data-remote-fallback'),
      240_000,
    );
    expect(html).toContain('aria-label="Cart, 0 items"');
    expect(html).toContain('data-testid="product-card"');
    // Its remotes were not up while it served pages that need them: news ("waiting for"), never an error.
    const printed = home.output();
    expect(printed).toContain(`home: ${home.url}`);
    expect(printed).toContain('home: waiting for');
    expect(printed.split('\n').filter((line) => /error|unavailable|is not a function/i.test(line))).toEqual([]);
  });

  test("an edit to a remote's component shows in open tabs without a reload, and in hosts' server HTML", async ({ browser }) => {
    const home = running.find((app) => app.name === 'home') as RunningApp;
    const shop = running.find((app) => app.name === 'shop') as RunningApp;
    const open = async (url: string) => {
      const page = await browser.newPage();
      await page.goto(url);
      await waitForHydration(page);
      await markWindow(page);
      return page;
    };
    // All up and settled: no fresh dev server on its way (a swap reconnects Next's HMR socket, which reloads).
    await waitUntilSettled(running.map((app) => app.url), 120_000);
    const hostTab = await open(`${home.url}/`); // shop's cards inside home's page
    const ownerTab = await open(`${shop.url}/shop`); // shop's own page

    const edit = `edited-${Date.now().toString(36)}`;
    markShopCard(edit);
    // Bounds are generous; `pnpm bench:dev` prints the figures.
    await expect(hostTab.getByText(edit).first()).toBeVisible({ timeout: 60_000 });
    await expect(ownerTab.getByText(edit).first()).toBeVisible({ timeout: 60_000 });
    await hostTab.waitForTimeout(3_000); // a reload would come right after the update
    expect(await stillSameWindow(hostTab), "the host's tab was updated in place, not reloaded").toBe(true);
    // Next's dev server reloads a page when `_document`'s server chunk hash changes; nextjs-mf's hashed server
    // chunk names used to change it on every such edit (see stable-document-hash-plugin).
    expect(await stillSameWindow(ownerTab), "the owner's tab was Fast-Refreshed, not reloaded").toBe(true);
    const html = await waitFor(`${home.url}/shop`, (status, body) => status === 200 && body.includes(edit), 60_000);
    expect(html).toContain('data-testid="product-card"');
    restoreShopCard();
  });

  test('two edits in quick succession: an open host tab ends with the second, even when the first one still loads', async ({ browser }) => {
    const home = running.find((app) => app.name === 'home') as RunningApp;
    const shop = running.find((app) => app.name === 'shop') as RunningApp;
    await waitUntilSettled(running.map((app) => app.url), 120_000);
    const hostTab = await browser.newPage();
    await hostTab.goto(`${home.url}/`);
    await waitForHydration(hostTab);
    await markWindow(hostTab);
    // From here, shop's chunks reach this tab 8 s after shop answered: the first edit's chunk, fetched
    // while shop served the first edit, arrives after the second edit was announced (a busy machine
    // does that with no help). Shop's entries come at once.
    const isChunk = (url: string) => url.startsWith(`${shop.url}/_next/static/chunks/`) && !url.includes('remoteEntry.js');
    await hostTab.route((url) => isChunk(url.href), async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      await route.fulfill({ response });
    });

    const first = `first-${Date.now().toString(36)}`;
    const second = `second-${Date.now().toString(36)}`;
    const firstChunk = hostTab.waitForRequest((request) => isChunk(request.url()), { timeout: 60_000 });
    markShopCard(first);
    await firstChunk;
    markShopCard(second);
    await expect(hostTab.getByText(second).first()).toBeVisible({ timeout: 90_000 });
    await hostTab.waitForTimeout(10_000); // the first edit's late chunk has arrived by now
    await expect(hostTab.getByText(second).first()).toBeVisible();
    expect(await hostTab.getByText(first).count()).toBe(0);
    expect(await stillSameWindow(hostTab), "the host's tab was updated in place, not reloaded").toBe(true);
    restoreShopCard();
    await hostTab.close();
    // Leaves shop as it found it: the revert compiled and rendered by home.
    await waitFor(`${home.url}/`, (status, body) => status === 200 && body.includes('data-testid="product-card"') && !body.includes(second), 120_000);
  });

  test('a remote stopped and started again: open host tabs and server HTML show its fallback, then it again, with no reload', async ({
    browser,
  }) => {
    const home = running.find((app) => app.name === 'home') as RunningApp;
    const shop = running.find((app) => app.name === 'shop') as RunningApp;
    // Shop's cards in home's server HTML first: shop may still be compiling an earlier edit, and a page
    // served meanwhile shows its "unavailable" data, which a remote's new code does not refetch.
    await waitFor(`${home.url}/`, (status, body) => status === 200 && body.includes('data-testid="product-card"'), 120_000);
    const hostTab = await browser.newPage();
    await hostTab.goto(`${home.url}/`);
    await waitForHydration(hostTab);
    await expect(hostTab.getByTestId('product-card').first()).toBeVisible();
    await markWindow(hostTab);

    await shop.stop();
    running.splice(running.indexOf(shop), 1);
    await waitFor(`${home.url}/shop`, (status, body) => status === 200 && body.includes('data-remote-fallback'), 60_000);
    await expect(hostTab.locator('[data-remote-fallback="Product"]').first()).toBeVisible({ timeout: 60_000 });

    running.push(startApp('shop', { mode: 'dev', port: ports.shop, env }));
    // Loaded in place by home's running dev server: no fresh server, so no reload of its open tabs.
    await expect(hostTab.getByTestId('product-card').first()).toBeVisible({ timeout: 180_000 });
    const html = await waitFor(
      `${home.url}/shop`,
      (status, body) => status === 200 && body.includes('Canvas Tote') && !body.includes('data-remote-fallback'),
      180_000,
    );
    expect(html).toContain('data-testid="product-card"');
    expect(await stillSameWindow(hostTab), "the host's tab was updated in place, not reloaded").toBe(true);
  });
});
