import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { registry } from '../src/apps';
import { waitForHydration, watchConsole } from '../src/console';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { startLoad } from '../src/load';
import { Fleet } from '../src/fleet';
import { appDir, waitFor } from '../src/servers';
import { waitUntilSettled } from '../src/settled';
import { runAsync } from '../src/shell';
import { markShopCard, restoreShopCard } from '../src/shop-card';

// The promoted build: the same artifacts as the main suite, other ports, env only.
const fleet = new Fleet({ checkout: 4300, home: 4301, shop: 4302 });
const url = (name: string) => fleet.url(name);
const PICKUP_DEADLINE_MS = Number(process.env.PICKUP_DEADLINE_MS ?? 10_000);
const REDEPLOY_DIST_DIR = '.next-redeploy';
const artifactBuild = () => readFileSync(path.join(appDir('shop'), 'dist', 'apps', 'shop', '.next', 'BUILD_ID'), 'utf8');

async function expectCleanPage(browser: Browser, pageUrl: string, check: (html: string) => void): Promise<string[]> {
  const page = await browser.newPage();
  const problems = watchConsole(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(pageUrl);
  await waitForHydration(page);
  check(await page.content());
  await page.close();
  expect(problems).toEqual([]);
  return requested;
}

test.describe.serial('independent deploys', () => {
  test.beforeAll(async () => {
    fleet.startAll();
    await waitUntilSettled(fleet.urls);
  });

  test.afterAll(async () => {
    await fleet.stopAll();
    restoreShopCard();
    rmSync(path.join(appDir('shop'), REDEPLOY_DIST_DIR), { recursive: true, force: true });
  });

  test('a build promoted to other ports by env alone serves every route from every app', async ({ browser }) => {
    await expectEveryRouteServerRendered(url);
    for (const host of registry) {
      const requested = await expectCleanPage(browser, `${url(host.name)}/p/enamel-mug`, (html) =>
        expect(html).toContain('Add to cart'),
      );
      expect(requested.filter((request) => /localhost:300\d/.test(request))).toEqual([]);
      expect(requested.some((request) => request.startsWith(`${url('checkout')}/_next/static/chunks/`))).toBe(true);
    }
  });

  test('a redeployed remote shows in every running host, with no host restart and no failed request', async ({ browser }) => {
    const release = `release-${Date.now().toString(36)}`;
    const servedArtifact = artifactBuild();
    markShopCard(release);
    await runAsync('pnpm', ['--filter', 'shop', 'build'], { FEDERATION_DIST_DIR: REDEPLOY_DIST_DIR });
    // A build beside the served one makes no artifact: the served build's is left as it is.
    expect(artifactBuild()).toBe(servedArtifact);

    // The hosts' supervisors: the same processes, still running, once the redeploy has shown.
    const hostProcesses = Object.fromEntries(['home', 'checkout'].map((name) => [name, fleet.get(name)?.pid]));
    // A returning visitor: this context has shop's entry cached for good, under shop's previous build.
    const returning = await browser.newContext();
    const before = await returning.newPage();
    await before.goto(`${url('home')}/shop`);
    await waitForHydration(before);
    await before.close();
    const load = startLoad(`${url('home')}/shop`);
    await fleet.restart('shop', { FEDERATION_DIST_DIR: REDEPLOY_DIST_DIR });
    const restartedAt = Date.now();
    for (const host of ['home', 'checkout']) {
      await waitFor(`${url(host)}/shop`, (status, body) => status === 200 && body.includes(release), PICKUP_DEADLINE_MS);
    }
    console.log(`redeploy picked up by both hosts ${Date.now() - restartedAt} ms after shop answered`);
    const result = await load.stop();
    console.log(`load during redeploy: ${JSON.stringify(result)}`);
    expect(result.non2xx + result.errors, result.firstFailures.join('; ')).toBe(0);
    expect(result.ok).toBeGreaterThan(0);

    // Its next page load names shop's new build: the new code hydrates the new markup, no mismatch.
    const after = await returning.newPage();
    const problems = watchConsole(after);
    await after.goto(`${url('home')}/shop`);
    await waitForHydration(after);
    await expect(after.getByTestId('product-card').first()).toContainText(release);
    expect(problems).toEqual([]);
    await returning.close();

    for (const host of ['home', 'checkout']) {
      const supervisor = fleet.get(host);
      expect(supervisor?.pid, `${host} never restarted from outside`).toBe(hostProcesses[host]);
      expect(await Promise.race([supervisor?.exited, Promise.resolve('running')]), `${host} still running`).toBe('running');
      await expectCleanPage(browser, `${url(host)}/shop`, (html) => expect(html).toContain(release));
    }
  });

  test('a remote that goes away shows a fallback, and is rendered again once it is back', async () => {
    const load = startLoad(`${url('home')}/`);
    await fleet.stop('checkout');
    const fallback = await waitFor(
      `${url('home')}/`,
      (status, body) => status === 200 && body.includes('data-remote-fallback="Cart"'),
      PICKUP_DEADLINE_MS,
    );
    expect(fallback).toContain('data-testid="product-card"');
    const page = await fetch(`${url('home')}/checkout`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-remote-fallback="This checkout page"');

    await fleet.restart('checkout');
    const backAt = Date.now();
    await waitFor(
      `${url('home')}/`,
      (status, body) => status === 200 && body.includes('aria-label="Cart, 0 items"') && !body.includes('data-remote-fallback'),
      PICKUP_DEADLINE_MS,
    );
    console.log(`recovery picked up ${Date.now() - backAt} ms after checkout answered`);
    const result = await load.stop();
    console.log(`load during outage and recovery: ${JSON.stringify(result)}`);
    expect(result.non2xx + result.errors, result.firstFailures.join('; ')).toBe(0);
  });
});
