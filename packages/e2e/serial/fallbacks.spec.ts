import { expect, test } from '@playwright/test';
import { startBadRemote, type BadRemote, type Misbehaviour } from '../src/bad-remote';
import { waitForHydration } from '../src/console';
import { markWindow, stillSameWindow } from '../src/no-reload';
import { Fleet } from '../src/fleet';
import { waitUntilSettled } from '../src/settled';

// home and checkout are real; shop's origin points at a server that misbehaves.
const ports = { checkout: 4500, home: 4501, shop: 4502 };
const REMOTE_TIMEOUT_MS = 1_000;
const fleet = new Fleet(ports, { FEDERATION_REMOTE_TIMEOUT_MS: String(REMOTE_TIMEOUT_MS) });
const home = fleet.url('home');

for (const misbehaviour of ['error-500', 'hang', 'corrupt-entry'] as Misbehaviour[]) {
  test.describe(`a remote that ${misbehaviour === 'hang' ? 'hangs' : misbehaviour === 'error-500' ? 'answers 500' : 'serves a corrupt remoteEntry.js'}`, () => {
    test.describe.configure({ mode: 'serial', timeout: 120_000 });
    let bad: BadRemote;

    test.beforeAll(async () => {
      bad = await startBadRemote(misbehaviour, ports.shop);
      fleet.startAll(['checkout', 'home']);
      await waitUntilSettled(fleet.urls, 60_000, ['shop']);
    });

    test.afterAll(async () => {
      await fleet.stopAll();
      await bad.stop();
    });

    test('host routes keep their status and show a fallback where shop would be', async () => {
      for (const [path, fallback] of [
        ['/', 'The shop is unavailable right now'],
        ['/shop', 'data-remote-fallback="This shop page"'],
        ['/p/enamel-mug', 'data-remote-fallback="This shop page"'],
      ] as const) {
        // Bounded: a hanging remote costs at most the remote timeout, never the client's patience.
        const response = await fetch(`${home}${path}`, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS * 8) });
        const html = await response.text();
        expect(response.status, path).toBe(200);
        expect(html, path).toContain(fallback);
        expect(html, path).toContain('aria-label="Cart, 0 items"'); // the rest of the page still works
      }
      expect(bad.requests(), 'requests that reached the misbehaving shop').toBeGreaterThan(0);
      const checkoutPage = await fetch(`${home}/checkout`);
      expect(checkoutPage.status).toBe(200);
      expect(await checkoutPage.text()).toContain('Your cart is empty.');
    });

    test('in the browser the page works around the fallback', async ({ page }) => {
      await page.goto(`${home}/shop`);
      await waitForHydration(page);
      await expect(page.locator('[data-remote-fallback="This shop page"]')).toHaveAttribute('role', 'status');
      await markWindow(page);
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Checkout', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
      expect(await stillSameWindow(page)).toBe(true);
    });
  });
}
