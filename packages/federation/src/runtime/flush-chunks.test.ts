/**
 * The files of the remote modules a render used, against real local HTTP
 * servers standing in for two apps: each module's JS and CSS as absolute URLs,
 * each app's manifest read once until its code is dropped, a failed read
 * retried on the next render, and the render's record emptied.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filesOf } from './flush-chunks';
import { forgetManifests } from './manifest-cache';

const servers: http.Server[] = [];
const reads: Record<string, number> = { shop: 0, gift_cards: 0 };
let giftCardsFailing = true;
const origins: Record<string, string> = {};

const manifest = (exposes: Record<string, { js: string[]; css: string[] }>) =>
  JSON.stringify({
    metaData: { publicPath: 'auto' },
    exposes: Object.entries(exposes).map(([name, { js, css }]) => ({
      name,
      path: `./${name}`,
      assets: { js: { sync: js, async: ['static/chunks/lazy.js'] }, css: { sync: css, async: [] } },
    })),
  });

async function serve(container: string, body: string, failing = () => false): Promise<string> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/_next/static/chunks/mf-manifest.json') return res.writeHead(404).end();
    reads[container] = (reads[container] ?? 0) + 1;
    if (failing()) return res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  origins.shop = await serve(
    'shop',
    manifest({
      'product-card': { js: ['static/chunks/card.js'], css: ['static/css/card.css'] },
      'pages/p/[slug]': { js: ['static/chunks/slug.js', 'static/chunks/card.js'], css: [] },
      'products-api': { js: ['static/chunks/api.js'], css: [] },
    }),
  );
  // A dashed app name: its container is gift_cards.
  origins['gift-cards'] = await serve('gift_cards', manifest({ balance: { js: ['static/chunks/balance.js'], css: [] } }), () => giftCardsFailing);
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

beforeEach(() => {
  for (const origin of Object.values(origins)) forgetManifests(origin);
  for (const name of Object.keys(reads)) reads[name] = 0;
});

describe('files of the remote modules a render used', () => {
  it("lists each used module's JS and CSS, as absolute URLs, once", async () => {
    const { files, complete } = await filesOf(['shop/product-card', 'shop->pages/p/[slug]'], origins);
    expect(complete).toBe(true);
    expect(files).toEqual([
      `${origins.shop}/_next/static/chunks/card.js`,
      `${origins.shop}/_next/static/css/card.css`,
      `${origins.shop}/_next/static/chunks/slug.js`,
    ]);
  });

  it("reads an app's manifest once, until its code is dropped", async () => {
    await Promise.all([filesOf(['shop/product-card'], origins), filesOf(['shop/products-api'], origins)]);
    await filesOf(['shop/product-card'], origins);
    expect(reads.shop).toBe(1);
    forgetManifests(origins.shop as string);
    await filesOf(['shop/product-card'], origins);
    expect(reads.shop).toBe(2);
  });

  it('renders without the files of an app whose manifest fails, and reads it again on the next render', async () => {
    giftCardsFailing = true;
    expect(await filesOf(['gift_cards/balance', 'shop/products-api'], origins)).toEqual({
      files: [`${origins.shop}/_next/static/chunks/api.js`],
      complete: false,
    });
    giftCardsFailing = false;
    expect(await filesOf(['gift_cards/balance'], origins)).toEqual({
      files: [`${origins['gift-cards']}/_next/static/chunks/balance.js`],
      complete: true,
    });
    expect(reads.gift_cards).toBe(2);
  });

  it("skips a module of an app the registry does not know, and one its app does not expose", async () => {
    expect(await filesOf(['billing/invoice', 'shop/unknown'], origins)).toEqual({ files: [], complete: true });
  });
});
