import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { registry } from '../src/apps';
import { waitForHydration, watchConsole } from '../src/console';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { startLoad } from '../src/load';
import { appDir, originsEnv, startArtifact, waitFor, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';

// Each app's artifact (apps/<name>/dist, made by `pnpm build`) copied out of
// the monorepo and started with node and env alone.
const ports: Record<string, number> = { checkout: 4800, home: 4801, shop: 4802 };
const url = (name: string) => `http://localhost:${ports[name]}`;
// A request older than this at the signal has been read by the server. (Requests to this app take
// 20-200 ms here, so with 8 connections some are always in flight and older than this.)
const ACCEPT_MARGIN_MS = 10;
// A deployed artifact fails closed: it does not start without the secret (or an explicit loopback opt-in).
const env = { ...originsEnv(ports), FEDERATION_SSR_SECRET: 'artifact-test-secret-0123456789' };

test.describe('standalone artifacts', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  // Made in beforeAll: code at describe level also runs when Playwright only lists the tests (no afterAll then).
  let outside = '';
  const running: RunningApp[] = [];

  test.beforeAll(async () => {
    outside = mkdtempSync(path.join(tmpdir(), 'artifacts-'));
    for (const app of registry) {
      const folder = path.join(outside, app.name);
      cpSync(path.join(appDir(app.name), 'dist'), folder, { recursive: true, verbatimSymlinks: true });
      running.push(startArtifact(app.name, folder, ports[app.name] as number, env));
    }
    await waitUntilSettled(registry.map((app) => url(app.name))).catch((error) => {
      for (const app of running) console.log(`--- ${app.name}\n${app.output()}`);
      throw error;
    });
  });

  test.afterAll(async () => {
    await Promise.all(running.map((app) => app.stop()));
    rmSync(outside, { recursive: true, force: true });
  });

  test('each artifact carries its server, its registry and its start script', () => {
    for (const app of registry) {
      const manifest = JSON.parse(readFileSync(path.join(outside, app.name, 'federation.json'), 'utf8'));
      expect(manifest.app).toBe(app.name);
      expect(manifest.apps.map((entry: { name: string }) => entry.name).sort()).toEqual(registry.map((entry) => entry.name).sort());
    }
  });

  test('federation works between artifacts: every route from every app, server and browser', async ({ page }) => {
    await expectEveryRouteServerRendered(url);
    const problems = watchConsole(page);
    await page.goto(`${url('home')}/p/enamel-mug`);
    await waitForHydration(page);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByTestId('cart-count')).toHaveText('1');
    expect(problems).toEqual([]);
  });

  test('without FEDERATION_SSR_SECRET an artifact refuses to start, unless loopback trust is opted into', async () => {
    const folder = path.join(outside, 'home');
    const refused = startArtifact('home', folder, 4810, originsEnv(ports));
    try {
      // An artifact that wrongly starts would serve on: give it a bound, then stop it either way.
      const timedOut = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000).unref());
      expect(await Promise.race([refused.exited, timedOut])).toBe(1);
      expect(refused.output()).toContain('federation: FEDERATION_SSR_SECRET is not set');
      expect(refused.output()).toContain('FEDERATION_TRUST_LOOPBACK=true');
    } finally {
      await refused.stop();
    }

    const trusting = startArtifact('home', folder, 4810, { ...originsEnv(ports), FEDERATION_TRUST_LOOPBACK: 'true' });
    try {
      // Serving (its remotes refuse it server code: they want the secret it does not have).
      await waitFor('http://localhost:4810/api/health', (status) => status === 200, 60_000);
      // Loopback trust as opted into: a loopback caller reads server code without a secret.
      expect((await fetch('http://localhost:4810/_next/static/ssr/remoteEntry.js')).status).toBe(200);
    } finally {
      await trusting.stop();
    }
  });

  test('SIGTERM under load: requests in flight finish with 2xx, then the process exits 0', async () => {
    const home = running.find((app) => app.name === 'home') as RunningApp;
    // Host pages that call another app (shop's API): each takes long enough to be in flight when the
    // signal lands. (An app's own pages call its API through its own origin, which stops accepting.)
    const load = startLoad([`${url('home')}/`, `${url('home')}/shop`, `${url('home')}/p/enamel-mug`], { concurrency: 8 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const signalledAt = Date.now();
    home.terminate();
    const code = await home.exited;
    const stoppedInMs = Date.now() - signalledAt;
    const result = await load.stop();
    // Sent well before the signal, so the server had read them when it stopped accepting. (A request
    // written to an idle keep-alive connection in the instant the server closes it is lost in any
    // HTTP/1.1 server: that is what the preStop delay in deploy/k8s is for.)
    const accepted = load.requests.filter((request) => request.startedAt < signalledAt - ACCEPT_MARGIN_MS);
    const inFlight = accepted.filter((request) => request.endedAt > signalledAt);
    console.log(
      `SIGTERM under load: exit ${code} after ${stoppedInMs} ms; ${accepted.length} requests sent before it, ` +
        `${inFlight.length} of them still in flight; ${JSON.stringify(result)}`,
    );
    expect(code).toBe(0);
    expect(inFlight.length, 'requests in flight when the signal landed').toBeGreaterThan(0);
    expect(accepted.filter((request) => !request.ok), result.firstFailures.join('; ')).toEqual([]);
    // After the signal: the port stops accepting, but nothing gets an error answer.
    expect(result.non2xx, result.firstFailures.join('; ')).toBe(0);
  });
});
