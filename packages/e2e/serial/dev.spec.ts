import { expect, test } from '@playwright/test';
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
  });

  test("an edit to a remote's component shows in a host page on reload, without restarting the host", async () => {
    const home = running.find((app) => app.name === 'home') as RunningApp;
    const edit = `edited-${Date.now().toString(36)}`;
    markShopCard(edit);
    const html = await waitFor(`${home.url}/shop`, (status, body) => status === 200 && body.includes(edit), 240_000);
    expect(html).toContain('data-testid="product-card"');
    restoreShopCard();
  });
});
