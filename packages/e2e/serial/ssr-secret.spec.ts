import { expect, test } from '@playwright/test';
import { apps } from '../src/apps';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { Fleet } from '../src/fleet';
import { waitUntilSettled } from '../src/settled';

const SECRET = 'test-secret-0123456789abcdef';
const fleet = new Fleet({ checkout: 4600, home: 4601, shop: 4602 }, { FEDERATION_SSR_SECRET: SECRET });
const url = (name: string) => fleet.url(name);

test.describe('the server entry is locked down with FEDERATION_SSR_SECRET', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  test.beforeAll(async () => {
    fleet.startAll();
    await waitUntilSettled(fleet.urls);
  });

  test.afterAll(async () => {
    await fleet.stopAll();
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
