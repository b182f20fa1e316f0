/**
 * Benchmark (prints figures, asserts nothing): how long running hosts take to
 * pick up a redeployed or returning remote, how many requests fail meanwhile,
 * what each kind of remote failure costs the hosts' requests (failures,
 * slowest answer), a host's memory before and after ten redeploys, and how a
 * host drains when it is stopped under load.
 *
 *   pnpm build && pnpm bench:redeploy
 *
 * Two builds of shop that differ in one text are made beside the real one
 * (FEDERATION_DIST_DIR), then shop is restarted onto them alternately.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { routes } from '../src/apps';
import { startLoad } from '../src/load';
import { treeRssMiB } from '../src/memory';
import { Fleet } from '../src/fleet';
import { describeEvent, playRemoteEvent, REMOTE_EVENTS } from '../src/remote-events';
import { appDir, waitFor } from '../src/servers';
import { waitUntilSettled } from '../src/settled';
import { runAsync } from '../src/shell';
import { markShopCard, restoreShopCard } from '../src/shop-card';

const REDEPLOYS = Number(process.env.REDEPLOYS ?? 10);
const REMOTE_TIMEOUT_MS = 3_000; // the default FEDERATION_REMOTE_TIMEOUT_MS
const OUTAGE_MS = 5_000;
const fleet = new Fleet({ checkout: 4400, home: 4401, shop: 4402 });
const url = (name: string) => fleet.url(name);
const variants = ['a', 'b'].map((id) => ({ distDir: `.next-bench-${id}`, marker: `bench-build-${id}` }));
const hostUrls = ['home', 'checkout'].flatMap((host) => routes.map((route) => `${url(host)}${route.path}`));

async function timePickup(check: (body: string) => boolean): Promise<number> {
  const from = Date.now();
  await waitFor(`${url('home')}/shop`, (status, body) => status === 200 && check(body), 60_000);
  return Date.now() - from;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0]} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`;
};

async function main(): Promise<void> {
  console.log('building two versions of shop...');
  for (const variant of variants) {
    markShopCard(variant.marker);
    await runAsync('pnpm', ['--filter', 'shop', 'build'], { FEDERATION_DIST_DIR: variant.distDir });
  }
  restoreShopCard();

  fleet.start('home');
  fleet.start('checkout');
  fleet.start('shop', { FEDERATION_DIST_DIR: variants[0]!.distDir });
  await waitUntilSettled(fleet.urls);
  await timePickup((body) => body.includes(variants[0]!.marker));
  const homePid = fleet.get('home')?.pid as number;
  const rssBefore = treeRssMiB(homePid);

  // Home stays up throughout (checkout is stopped below): load on every route of home.
  const homeUrls = routes.map((route) => `${url('home')}${route.path}`);
  const load = startLoad(homeUrls, { concurrency: 4, maxMs: 600_000, maxRequests: 200_000 });
  const redeploys: number[] = [];
  for (let i = 1; i <= REDEPLOYS; i += 1) {
    const variant = variants[i % 2]!;
    await fleet.restart('shop', { FEDERATION_DIST_DIR: variant.distDir });
    redeploys.push(await timePickup((body) => body.includes(variant.marker)));
  }

  const recoveries: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await fleet.stop('checkout');
    await waitFor(`${url('home')}/shop`, (status, body) => status === 200 && body.includes('data-remote-fallback="Cart"'), 30_000);
    await fleet.restart('checkout');
    recoveries.push(await timePickup((body) => body.includes('aria-label="Cart, 0 items"') && !body.includes('data-remote-fallback')));
  }
  const result = await load.stop();
  await new Promise((resolve) => setTimeout(resolve, 5_000)); // let the last old worker drain
  const rssAfter = treeRssMiB(homePid);

  console.log(`\nredeploy pickup (${REDEPLOYS} redeploys, from shop answering to home's HTML showing it): ${stats(redeploys)}`);
  console.log(`recovery pickup (3 outages of checkout, from checkout answering): ${stats(recoveries)}`);
  console.log(`requests to every route of home during all of it: ${result.total}, failed: ${result.non2xx + result.errors}, slowest ${result.slowestMs} ms`);
  console.log(`home memory (supervisor + workers): ${rssBefore} MiB before, ${rssAfter} MiB after ${REDEPLOYS} redeploys`);

  await fleet.restart('shop');
  await waitUntilSettled(fleet.urls);
  console.log(`\nremote events on shop, load on every route of home and checkout (${hostUrls.length} URLs, 6 connections);`);
  console.log(`target: 0 failed, slowest <= FEDERATION_REMOTE_TIMEOUT_MS + 1 s = ${REMOTE_TIMEOUT_MS + 1_000} ms`);
  console.log('| event | requests | failed | slowest (ms) |\n|---|---|---|---|');
  for (const event of REMOTE_EVENTS) {
    const during = startLoad(hostUrls, { concurrency: 6 });
    await playRemoteEvent(fleet, 'shop', event, OUTAGE_MS);
    await waitUntilSettled(fleet.urls, 60_000);
    const figures = await during.stop();
    console.log(`| shop ${describeEvent[event]} | ${figures.total} | ${figures.non2xx + figures.errors} | ${figures.slowestMs} |`);
  }

  // SIGTERM to home's supervisor (not its workers) under load, as a container runtime sends it.
  const home = fleet.get('home');
  const drainLoad = startLoad(homeUrls, { concurrency: 8 });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const signalledAt = Date.now();
  home?.terminate('group');
  const code = await home?.exited;
  const drainMs = Date.now() - signalledAt;
  await drainLoad.stop();
  const before = drainLoad.requests.filter((request) => request.startedAt < signalledAt - 10);
  const inFlight = before.filter((request) => request.endedAt > signalledAt);
  console.log(
    `\nSIGTERM under load on home: exit code ${code} after ${drainMs} ms; ${inFlight.length} requests in flight at the signal, ` +
      `${before.filter((request) => !request.ok).length} of ${before.length} requests sent before it failed`,
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    restoreShopCard();
    await fleet.stopAll();
    for (const variant of variants) rmSync(path.join(appDir('shop'), variant.distDir), { recursive: true, force: true });
  });
