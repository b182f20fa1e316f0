/**
 * The origins plugin in the real Module Federation runtime (runtime-core, as
 * the servers run it), against a local HTTP server standing in for shop: the
 * build's placeholder entry is pointed at the origin the server was started
 * with, the secret goes with server code, a remote that answers 500 turns
 * into a fallback module and is reported down, and one that answers again is
 * used. (The server plugin replaces the global fetch of this test process.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../header-names';

const SECRET = 'origins-plugin-secret-01';
/** What an app's server entry is: a CommonJS container the runtime runs in Node. */
const entry = (container: string) => `module.exports = { ${container}: {
  init: function () {},
  get: function (expose) { return Promise.resolve(function () { return { __esModule: true, default: 'rendered ' + expose }; }); }
} };`;

const servers: http.Server[] = [];
const requests: { url: string; secret: string | undefined }[] = [];
/** checkout's server answers 500 while this is true. */
let checkoutFailing = true;

async function serve(container: string, failing: () => boolean): Promise<string> {
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', secret: req.headers[SECRET_HEADER] as string | undefined });
    if (failing()) return res.writeHead(500).end('<h1>error page</h1>');
    res.writeHead(200, { 'content-type': 'application/javascript' }).end(entry(container));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // What a host's server is started with (the registry is inlined into its build by next-config).
  process.env.FEDERATION_APPS = JSON.stringify([
    { name: 'home', title: 'Home', port: 3001, routes: ['/'], exposes: ['./nav'] },
    { name: 'shop', title: 'Shop', port: 3002, routes: ['/shop'], exposes: ['./product-card'] },
    { name: 'checkout', title: 'Checkout', port: 3000, routes: ['/checkout'], exposes: ['./cart-badge'] },
  ]);
  process.env.FEDERATION_SELF = 'home';
  process.env.SHOP_ORIGIN = await serve('shop', () => false);
  process.env.CHECKOUT_ORIGIN = await serve('checkout', () => checkoutFailing);
  process.env.FEDERATION_SSR_SECRET = SECRET;
  process.env.FEDERATION_REMOTE_TIMEOUT_MS = '1000';
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A host instance as the server build makes it: the build's placeholder origin, our plugins. */
async function host(name: string) {
  const { ModuleFederation } = await import('@module-federation/runtime-core');
  const { default: originsPlugin } = await import('./origins-plugin');
  const { default: serverPlugin } = await import('./server-plugin');
  return new ModuleFederation({
    name,
    remotes: [
      { name: 'shop', entry: 'http://localhost:3002/_next/static/ssr/remoteEntry.js' },
      { name: 'checkout', entry: 'http://localhost:3000/_next/static/ssr/remoteEntry.js' },
    ],
    plugins: [originsPlugin(), serverPlugin()],
  });
}

describe('origins plugin in the Module Federation runtime', () => {
  it("loads a remote from the origin the server was started with, sending the secret with its code", async () => {
    const instance = await host('home');
    const mod = await instance.loadRemote<{ default: string }>('shop/product-card');
    expect(mod?.default).toBe('rendered ./product-card');
    expect(requests).toContainEqual({ url: '/_next/static/ssr/remoteEntry.js', secret: SECRET });
  });

  it('turns a remote that answers 500 into a fallback module and reports it down, then uses it once it answers', async () => {
    const { isFallbackModule } = await import('../fallback-module');
    const { rendersReport, markAnswered, forgetLoads } = await import('./remote-state');
    const down = await (await host('home')).loadRemote<{ default: unknown }>('checkout/cart-badge');
    expect(isFallbackModule(down?.default)).toBe(true);
    expect(rendersReport().checkout).toBe('fallback');

    checkoutFailing = false;
    // What a host does when checkout answers again: hot-remotes drops its code (dev), or a fresh worker starts.
    markAnswered('checkout');
    forgetLoads('checkout');
    const up = await (await host('home-again')).loadRemote<{ default: string }>('checkout/cart-badge');
    expect(up?.default).toBe('rendered ./cart-badge');
    expect(rendersReport().checkout).toBe('remote');
  });

  it('a fallback module a bundle kept after its app was dropped reports itself again whenever it is used', async () => {
    const { rendersReport, forgetLoads } = await import('./remote-state');
    const { default: originsPlugin } = await import('./origins-plugin');
    const hook = originsPlugin().errorLoadRemote as (args: Record<string, unknown>) => Record<string, () => unknown>;
    const kept = hook({ id: 'checkout/cart-api', error: new Error('fetch failed'), lifecycle: 'onLoad', from: 'runtime' });
    expect(rendersReport().checkout).toBe('fallback');
    forgetLoads('checkout'); // the host dropped checkout's code; this failover stayed in some bundle's cache
    expect(rendersReport().checkout).toBeUndefined();
    expect(() => kept.fetchCart?.()).toThrow(/checkout\/cart-api is unavailable \(its code did not load\)/);
    expect(rendersReport().checkout).toBe('fallback'); // so the host retries (dev) or replaces its worker
    forgetLoads('checkout');
    kept.default?.(); // its component rendered
    expect(rendersReport().checkout).toBe('fallback');
  });
});
