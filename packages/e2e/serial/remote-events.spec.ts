import { expect, test } from '@playwright/test';
import { routes } from '../src/apps';
import { Fleet } from '../src/fleet';
import { startLoad } from '../src/load';
import { describeEvent, playRemoteEvent, REMOTE_EVENTS } from '../src/remote-events';
import { waitFor } from '../src/servers';
import { waitUntilSettled } from '../src/settled';

// Shop changes state while home and checkout serve every route under load.
const ports = { checkout: 4900, home: 4901, shop: 4902 };
const REMOTE_TIMEOUT_MS = 1_000;
/** Longer than FEDERATION_DOWN_AFTER_MS (3 s): hosts also swap to a worker that renders the fallback. */
const OUTAGE_MS = 5_000;
// The promise is REMOTE_TIMEOUT_MS + 1 s (the benchmark prints the figure); the bound here is generous for busy CI machines.
const SLOWEST_BOUND_MS = REMOTE_TIMEOUT_MS + 4_000;
const fleet = new Fleet(ports, { FEDERATION_REMOTE_TIMEOUT_MS: String(REMOTE_TIMEOUT_MS) });
const hostUrls = ['home', 'checkout'].flatMap((host) => routes.map((route) => `${fleet.url(host)}${route.path}`));

test.describe.serial('a remote that changes state while hosts serve it', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    fleet.startAll();
    await waitUntilSettled(fleet.urls);
  });

  test.afterAll(async () => {
    await fleet.stopAll();
  });

  for (const event of REMOTE_EVENTS) {
    test(`shop ${describeEvent[event]}: every host route answers 2xx in bounded time, then renders shop again`, async () => {
      const load = startLoad(hostUrls, { concurrency: 6 });
      const reachedStandIn = await playRemoteEvent(fleet, 'shop', event, OUTAGE_MS);
      // A misbehaving stand-in the hosts never reached would make every event a refused port.
      expect(reachedStandIn === null ? event === 'restart' || event === 'stop' : reachedStandIn > 0, `shop's stand-in reached: ${reachedStandIn}`).toBe(true);
      await waitUntilSettled(fleet.urls, 60_000);
      const result = await load.stop();
      console.log(`shop ${event}: ${JSON.stringify(result)}`);
      expect(result.non2xx + result.errors, result.firstFailures.join('; ')).toBe(0);
      expect(result.ok).toBeGreaterThan(50);
      expect(result.slowestMs, result.slowest).toBeLessThan(SLOWEST_BOUND_MS);

      // Back: the hosts' pages render shop's parts again, no fallback anywhere.
      for (const host of ['home', 'checkout']) {
        await waitFor(
          `${fleet.url(host)}/`,
          (status, body) => status === 200 && body.includes('data-testid="product-card"') && !body.includes('data-remote-fallback'),
          10_000,
        );
      }
    });
  }
});
