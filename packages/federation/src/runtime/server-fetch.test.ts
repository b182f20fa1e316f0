/**
 * The server-side fetch wrapper against a real local HTTP server: bounded
 * waits, fail-fast after a failure, the secret on server code only, no
 * error page run as code, and API answers kept as long as their app allows.
 * (It replaces the global fetch of this test process.)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_HEADER, STARTING_HEADER } from '../header-names';
import { failsFast, markAnswered, RemoteDownError } from './remote-state';
import { installServerFetch } from './server-fetch';

const OWN_ORIGIN = 'http://localhost:9';
let server: http.Server;
let origin = '';
const seenSecrets: (string | undefined)[] = [];
const kept = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenSecrets.push(req.headers[SECRET_HEADER] as string | undefined);
    if (req.url === '/hang') return; // never answers
    if (req.url === '/_next/static/ssr/broken.js') return res.writeHead(500).end('<h1>error page</h1>');
    if (req.url === '/api/down') return res.writeHead(503).end();
    if (req.url?.startsWith('/api/echo')) return res.end(`${req.url} ${req.headers['x-probe'] ?? '-'}`);
    if (req.url?.includes('kept')) {
      kept.set(req.url, (kept.get(req.url) ?? 0) + 1);
      return res.writeHead(200, { 'cache-control': 'public, max-age=60' }).end(`${req.url}#${kept.get(req.url)}`);
    }
    if (req.url === '/api/starting') return res.writeHead(503, { 'retry-after': '1', [STARTING_HEADER]: '1' }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  installServerFetch({
    timeoutMs: 300,
    secret: 'server-fetch-secret-0123',
    remotes: { [origin]: 'stub' },
    // Nothing listens at the app's public origin here: its own calls only answer if they go to its worker.
    ownOrigin: OWN_ORIGIN,
    ownServer: origin,
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('server fetch to other apps', () => {
  it('sends the secret with server code only', async () => {
    seenSecrets.length = 0;
    await (await fetch(`${origin}/_next/static/ssr/remoteEntry.js`)).text();
    await (await fetch(`${origin}/api/products`)).text();
    expect(seenSecrets).toEqual(['server-fetch-secret-0123', undefined]);
  });

  it('refuses an error page as code', async () => {
    markAnswered('stub');
    await expect(fetch(`${origin}/_next/static/ssr/broken.js`)).rejects.toThrow(/answered 500: not loading it as code/);
  });

  it('bounds a hanging call, then fails fast', async () => {
    markAnswered('stub');
    const started = Date.now();
    await expect(fetch(`${origin}/hang`)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failsFast('stub')).toBe(true);
    await expect(fetch(`${origin}/api/products`)).rejects.toBeInstanceOf(RemoteDownError);
  });

  it('counts a 5xx answer as a failure but still returns it to the caller', async () => {
    markAnswered('stub');
    const response = await fetch(`${origin}/api/down`);
    expect(response.status).toBe(503);
    expect(failsFast('stub')).toBe(true);
  });

  it('keeps an API answer for as long as the other app allows, but never server code', async () => {
    markAnswered('stub');
    for (let round = 0; round < 2; round += 1) {
      expect(await (await fetch(`${origin}/api/kept`)).text()).toBe('/api/kept#1');
      expect(await (await fetch(`${origin}/_next/static/ssr/kept.js`)).text()).toBe(`/_next/static/ssr/kept.js#${round + 1}`);
    }
    // A call with headers of its own is the caller's, not shared.
    expect(await (await fetch(`${origin}/api/kept`, { headers: { 'x-probe': '1' } })).text()).toBe('/api/kept#2');
  });

  it("sends the app's own API calls straight to its worker, and tells its proxy's \"starting\" from a failure", async () => {
    markAnswered('stub');
    const own = OWN_ORIGIN;
    expect(await (await fetch(`${own}/api/echo?page=2`)).text()).toBe('/api/echo?page=2 -');
    expect(await (await fetch(new Request(`${own}/api/echo`, { headers: { 'x-probe': '1' } }))).text()).toBe('/api/echo 1');
    expect((await fetch(`${own}/api/down`)).status).toBe(503);
    expect(await fetch(`${own}/hang`, { signal: AbortSignal.timeout(100) }).catch(() => 'aborted')).toBe('aborted');
    await expect(fetch(`${own}/api/starting`)).rejects.toBeInstanceOf(RemoteDownError);
    expect(failsFast('stub')).toBe(false);
  });
});
