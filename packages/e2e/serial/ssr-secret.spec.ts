import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { registry, repoRoot } from '../src/apps';
import { expectEveryRouteServerRendered } from '../src/every-route';
import { Fleet } from '../src/fleet';
import { hostileSpellings, randomSpelling, SERVER_CODE_PREFIX } from '../src/hostile-paths';
import { rawGet, type RawResponse } from '../src/raw-request';
import { waitUntilSettled } from '../src/settled';

const SECRET = 'test-secret-0123456789abcdef';
const PORTS: Record<string, number> = { checkout: 4600, home: 4601, shop: 4602 };
const fleet = new Fleet(PORTS, { FEDERATION_SSR_SECRET: SECRET });
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
    for (const app of registry) {
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

  test('no spelling of the server code path reaches it without the secret', async () => {
    const seed = Date.now();
    const random = fc.sample(randomSpelling(`${SERVER_CODE_PREFIX}remoteEntry.js`), { numRuns: 300, seed });
    let sent = 0;
    const leaks: string[] = [];
    for (const app of registry) {
      const port = portOf(app.name);
      // What server code looks like, fetched the way a host does: the detector below must recognise it.
      const secretHeader = { 'x-federation-secret': SECRET };
      const files = ['remoteEntry.js', 'mf-manifest.json'];
      const originals = await Promise.all(files.map((file) => rawGet(port, `${SERVER_CODE_PREFIX}${file}`, secretHeader)));
      const fingerprints = originals.map((original) => fingerprintOf(original));
      const isServerCode = (response: RawResponse) =>
        response.status === 200 && fingerprints.some((slice) => response.body.includes(slice));
      for (const original of originals) expect(isServerCode(original), `${app.name} control`).toBe(true);

      const spellings = [...new Set([...files.flatMap(hostileSpellings), ...random])];
      const responses = await inBatches(spellings, 6, (target) => rawGet(port, target));
      sent += spellings.length;
      responses.forEach((response, index) => {
        if (isServerCode(response)) leaks.push(`${app.name} ${response.status} ${spellings[index]}`);
      });
    }
    console.log(`server code sweep (seed ${seed}): ${sent} spellings sent, ${leaks.length} leaked`);
    expect(leaks).toEqual([]);
    expect(sent).toBeGreaterThan(registry.length * 300);
  });

  test('browser chunks stay public, encoded brackets included', async () => {
    for (const app of registry) {
      const port = portOf(app.name);
      expect((await rawGet(port, '/_next/static/chunks/remoteEntry.js')).status, `${app.name} browser entry`).toBe(200);
      for (const chunk of bracketedPageChunks(app.name)) {
        const literal = `/_next/static/chunks/pages/${chunk}`;
        const encoded = `/_next/static/chunks/pages/${chunk.split('/').map(encodeURIComponent).join('/')}`;
        expect(encoded, 'the chunk name has brackets to encode').toContain('%5B');
        expect((await rawGet(port, literal)).status, `${app.name} ${literal}`).toBe(200);
        expect((await rawGet(port, encoded)).status, `${app.name} ${encoded}`).toBe(200);
      }
    }
  });

  test('hosts still server-render every remote with the secret set', async () => {
    await expectEveryRouteServerRendered(url);
  });
});

function portOf(name: string): number {
  const port = PORTS[name];
  if (port === undefined) throw new Error(`No port for app "${name}".`);
  return port;
}

/** A slice from the middle of a server file: no 404 page or redirect body contains it by chance. */
function fingerprintOf(response: RawResponse): string {
  expect(response.status).toBe(200);
  expect(response.body.length).toBeGreaterThan(400);
  const middle = Math.floor(response.body.length / 2);
  return response.body.slice(middle - 100, middle + 100);
}

/** Page chunks of dynamic routes (`[slug]-<hash>.js`), relative to chunks/pages/, read from the build being served. */
function bracketedPageChunks(name: string): string[] {
  const pages = path.join(repoRoot, 'apps', name, '.next', 'static', 'chunks', 'pages');
  const chunks = (readdirSync(pages, { recursive: true }) as string[]).filter((file) => file.includes('[') && file.endsWith('.js'));
  expect(chunks.length, `${name} has a dynamic route chunk`).toBeGreaterThan(0);
  return chunks;
}

/** Runs `work` over `items`, `size` at a time: keeps the load on the two cores modest. */
async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
