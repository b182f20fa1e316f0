/**
 * The head the document adds, against a real local HTTP server standing in
 * for shop: kept per worker in production for the same modules at the same
 * versions, built afresh when either changes, never kept without an
 * unreadable manifest's files, and never kept in dev.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

let manifestFails = false;
let server: http.Server;
let shop = '';

const MANIFEST = JSON.stringify({
  exposes: [{ name: 'product-card', path: './product-card', assets: { js: { sync: ['static/chunks/card.js'] }, css: { sync: [] } } }],
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (manifestFails || req.url !== '/_next/static/chunks/mf-manifest.json') return res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(MANIFEST);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.unstubAllEnvs();
  manifestFails = false;
});

/** document-head as home's build has it, with a fresh registry, origins, manifest cache and kept heads. */
async function homeBuild(nodeEnv: 'production' | 'development') {
  vi.stubEnv('NODE_ENV', nodeEnv);
  vi.stubEnv('FEDERATION_SELF', 'home');
  vi.stubEnv('FEDERATION_APPS', JSON.stringify([{ name: 'home', port: 3001 }, { name: 'shop', port: 3002 }]));
  vi.stubEnv('SHOP_ORIGIN', shop);
  vi.resetModules();
  (await import('./runtime/manifest-cache')).forgetManifests(shop);
  return (await import('./document-head')).documentHead;
}

const card = () => new Set(['shop/product-card']);

describe('document head', () => {
  it('is kept in production for the same modules at the same versions, and names the versioned entry', async () => {
    const documentHead = await homeBuild('production');
    const head = await documentHead(card(), '{"shop":"s1"}');
    expect(head.chunks).toEqual([`${shop}/_next/static/chunks/card.js`]);
    expect(head.entries).toEqual([`${shop}/_next/static/chunks/remoteEntry.js?t=s1`]);
    expect(head.script).toContain(`window.__FEDERATION_VERSIONS__={"shop":"s1"};`);
    expect(await documentHead(card(), '{"shop":"s1"}')).toBe(head);
  });

  it('is built afresh when a remote is redeployed or the render used other modules', async () => {
    const documentHead = await homeBuild('production');
    const before = await documentHead(card(), '{"shop":"s1"}');
    const redeployed = await documentHead(card(), '{"shop":"s2"}');
    expect(redeployed.entries).toEqual([`${shop}/_next/static/chunks/remoteEntry.js?t=s2`]);
    const none = await documentHead(new Set(), '{"shop":"s1"}');
    expect(none.chunks).toEqual([]);
    expect(none.entries).toEqual([]);
    expect(await documentHead(card(), '{"shop":"s1"}')).toBe(before);
  });

  it('is not kept while a manifest cannot be read: the next render has the files', async () => {
    const documentHead = await homeBuild('production');
    manifestFails = true;
    expect((await documentHead(card(), '{"shop":"s1"}')).chunks).toEqual([]);
    manifestFails = false;
    expect((await documentHead(card(), '{"shop":"s1"}')).chunks).toEqual([`${shop}/_next/static/chunks/card.js`]);
  });

  it('is built on every render in dev, without versions (nextjs-mf names entries there)', async () => {
    const documentHead = await homeBuild('development');
    const head = await documentHead(card(), '{"shop":"s1"}');
    expect(head.entries).toEqual([]);
    expect(head.script).toContain('window.__FEDERATION_VERSIONS__={};');
    expect(await documentHead(card(), '{"shop":"s1"}')).not.toBe(head);
  });

  it('cannot close its script element, whatever a version says', async () => {
    const documentHead = await homeBuild('production');
    const head = await documentHead(card(), '{"shop":"</script><script>alert(1)</script>"}');
    expect(head.script).not.toContain('</script>');
    expect(head.script).toContain('\\u003c/script>');
  });
});

describe('linkedFiles', () => {
  const own = 'http://localhost:3000';
  const pageFiles = ['static/chunks/main.js', 'static/css/page.css'];

  it("writes the app's own files by path and other apps' by URL, each once, and leaves out what Next links for the page", async () => {
    const { linkedFiles } = await import('./document-head');
    const chunks = [
      `${own}/_next/static/css/page.css`,
      `${own}/_next/static/css/badge.css`,
      `${own}/_next/static/chunks/badge.js`,
      `${shop}/_next/static/css/page.css`,
      `${shop}/_next/static/chunks/card.js`,
    ];
    // Another app's file of the same name is another file: it stays.
    expect(linkedFiles(chunks, own, pageFiles)).toEqual([
      '/_next/static/css/badge.css',
      '/_next/static/chunks/badge.js',
      `${shop}/_next/static/css/page.css`,
      `${shop}/_next/static/chunks/card.js`,
    ]);
    // An own file named both ways (by the app's own-styles and by a module it used) is linked once.
    expect(linkedFiles(['/_next/static/css/page.css', '/_next/static/css/nav.css', `${own}/_next/static/css/nav.css`], own, pageFiles)).toEqual([
      '/_next/static/css/nav.css',
    ]);
  });

  it('keeps every file as it is when the page links none of them and the own origin is unknown', async () => {
    const { linkedFiles } = await import('./document-head');
    expect(linkedFiles([`${own}/_next/static/css/page.css`], undefined, pageFiles)).toEqual([`${own}/_next/static/css/page.css`]);
    expect(linkedFiles([`${shop}/_next/static/css/page.css`], own, [])).toEqual([`${shop}/_next/static/css/page.css`]);
  });
});
