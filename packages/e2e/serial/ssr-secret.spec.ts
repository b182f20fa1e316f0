import { expect, test } from '@playwright/test';
import { apps } from '../src/apps';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { originsEnv, startApp, type RunningApp } from '../src/servers';
import { waitUntilSettled } from '../src/settled';

const ports: Record<string, number> = { checkout: 4600, home: 4601, shop: 4602 };
const SECRET = 'test-secret-0123456789abcdef';
const env = { ...originsEnv(ports), FEDERATION_SSR_SECRET: SECRET };
const url = (name: string) => `http://localhost:${ports[name]}`;

test.describe('the server entry is locked down with FEDERATION_SSR_SECRET', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  const running: RunningApp[] = [];

  test.beforeAll(async () => {
    for (const app of apps) running.push(startApp(app.name, { mode: 'start', port: ports[app.name] as number, env }));
    await waitUntilSettled(apps.map((app) => url(app.name)));
  });

  test.afterAll(async () => {
    await Promise.all(running.map((app) => app.stop()));
  });

  test('refuses server code to a plain request and to a wrong secret; browser code stays public', async () => {
    for (const app of apps) {
      for (const file of ['remoteEntry.js', 'mf-manifest.json']) {
        const plain = await fetch(`${url(app.name)}/_next/static/ssr/${file}`);
        expect(plain.status, `${app.name} plain ${file}`).toBe(404);
        const wrong = await fetch(`${url(app.name)}/_next/static/ssr/${file}`, { headers: { 'x-federation-secret': 'nope' } });
        expect(wrong.status, `${app.name} wrong ${file}`).toBe(404);
        const right = await fetch(`${url(app.name)}/_next/static/ssr/${file}`, { headers: { 'x-federation-secret': SECRET } });
        expect(right.status, `${app.name} right ${file}`).toBe(200);
      }
      const browserEntry = await fetch(`${url(app.name)}/_next/static/chunks/remoteEntry.js`);
      expect(browserEntry.status).toBe(200);
    }
  });

  test('hosts still server-render every remote with the secret set', async () => {
    await expectEveryRouteServerRendered(url);
  });
});
