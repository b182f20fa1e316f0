import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { apps } from '../src/apps';
import { waitForHydration, watchConsole } from '../src/console';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { appDir, originsEnv, startArtifact, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';

// Each app's artifact (apps/<name>/dist, made by `pnpm build`) copied out of
// the monorepo and started with node and env alone.
const ports: Record<string, number> = { checkout: 4800, home: 4801, shop: 4802 };
const url = (name: string) => `http://localhost:${ports[name]}`;

test.describe('standalone artifacts', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  const outside = mkdtempSync(path.join(tmpdir(), 'artifacts-'));
  const running: RunningApp[] = [];

  test.beforeAll(async () => {
    for (const app of apps) {
      const folder = path.join(outside, app.name);
      cpSync(path.join(appDir(app.name), 'dist'), folder, { recursive: true, verbatimSymlinks: true });
      running.push(startArtifact(app.name, folder, ports[app.name] as number, originsEnv(ports)));
    }
    await waitUntilSettled(apps.map((app) => url(app.name))).catch((error) => {
      for (const app of running) console.log(`--- ${app.name}\n${app.output()}`);
      throw error;
    });
  });

  test.afterAll(async () => {
    await Promise.all(running.map((app) => app.stop()));
    rmSync(outside, { recursive: true, force: true });
  });

  test('each artifact carries its server, its registry and its start script', () => {
    for (const app of apps) {
      const manifest = JSON.parse(readFileSync(path.join(outside, app.name, 'federation.json'), 'utf8'));
      expect(manifest.app).toBe(app.name);
      expect(manifest.apps.map((entry: { name: string }) => entry.name).sort()).toEqual(apps.map((entry) => entry.name).sort());
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
});
