/**
 * The response cache against a real local HTTP server: it keeps what the
 * server says may be kept, for as long as it says, shares one call among
 * concurrent askers, and keeps within its limits.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isShareableRequest, ResponseCache } from './response-cache';

let server: http.Server;
let origin = '';
const calls = new Map<string, number>();

/** `/kept/<anything>?max-age=N&size=B` answers B bytes with that Cache-Control; `cc=` sets any other, `vary=` a Vary. */
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
    const status = Number(url.searchParams.get('status') ?? 200);
    const cacheControl = url.searchParams.get('cc') ?? `public, max-age=${url.searchParams.get('max-age') ?? 0}`;
    const body = `${url.pathname}#${calls.get(url.pathname)}`.padEnd(Number(url.searchParams.get('size') ?? 0), '.');
    // A slow answer, so that concurrent askers really overlap.
    const vary = url.searchParams.get('vary');
    const headers = { 'cache-control': cacheControl, 'content-type': 'text/plain', ...(vary ? { vary } : {}) };
    setTimeout(() => res.writeHead(status, headers).end(body), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const through = (cache: ResponseCache, path: string) => cache.fetch(`${origin}${path}`, () => fetch(`${origin}${path}`));
const texts = (responses: Response[]) => Promise.all(responses.map((response) => response.text()));

describe('response cache', () => {
  it('keeps an answer for its max-age, and concurrent askers share one call', async () => {
    // The clock moves only when the test says so: a slow machine cannot age the answer early.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      const cache = new ResponseCache();
      const answers = await Promise.all(Array.from({ length: 10 }, () => through(cache, '/kept/a?max-age=60')));
      expect(await texts(answers)).toEqual(Array(10).fill('/kept/a#1'));
      expect(answers.map((answer) => answer.headers.get('content-type'))).toEqual(Array(10).fill('text/plain'));
      vi.setSystemTime(Date.now() + 59_000);
      expect(await (await through(cache, '/kept/a?max-age=60')).text()).toBe('/kept/a#1');
      expect(calls.get('/kept/a')).toBe(1);

      vi.setSystemTime(Date.now() + 2_000); // past its max-age: asked again
      expect(await (await through(cache, '/kept/a?max-age=60')).text()).toBe('/kept/a#2');
      expect(calls.get('/kept/a')).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never keeps what the server does not allow, nor an error', async () => {
    const cache = new ResponseCache();
    for (const path of ['/never/a?max-age=0', '/never/b?cc=no-store', '/never/c?cc=private,max-age=60', '/never/d?cc=', '/never/e?max-age=60&status=500', '/never/f?max-age=60&vary=*']) {
      const pathname = path.split('?')[0]!;
      const first = await through(cache, path);
      const second = await through(cache, path);
      expect([first.status, second.status], path).toEqual(path.includes('500') ? [500, 500] : [200, 200]);
      expect(await texts([first, second]), path).toEqual([`${pathname}#1`, `${pathname}#2`]);
    }
    expect(cache.size).toBe(0);
  });

  it('shares a call that is not kept by letting each asker make its own', async () => {
    const cache = new ResponseCache();
    const answers = await Promise.all(Array.from({ length: 3 }, () => through(cache, '/own/a?cc=no-store')));
    expect((await texts(answers)).sort()).toEqual(['/own/a#1', '/own/a#2', '/own/a#3']);
  });

  it('passes a failed call on to every asker waiting for it, who then ask themselves', async () => {
    const cache = new ResponseCache();
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      return attempts === 1 ? sleep(50).then(() => Promise.reject(new Error('down'))) : fetch(`${origin}/after/a?max-age=60`);
    };
    const results = await Promise.allSettled([cache.fetch('k', failing), cache.fetch('k', failing)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: new Error('down') });
    expect(results[1].status).toBe('fulfilled');
    expect(await (results[1] as PromiseFulfilledResult<Response>).value.text()).toBe('/after/a#1');
  });

  it('keeps within its limits: a large body is passed on whole, the least recently used go first', async () => {
    const cache = new ResponseCache({ maxBytes: 2_500, maxEntryBytes: 1_000 });
    const large = await through(cache, '/large/a?max-age=60&size=2000');
    expect((await large.text()).length).toBe(2_000);
    expect(cache.size).toBe(0);

    for (const name of ['x', 'y']) await (await through(cache, `/lru/${name}?max-age=60&size=1000`)).text();
    await (await through(cache, '/lru/x?max-age=60&size=1000')).text(); // x used last: y is the oldest
    await (await through(cache, '/lru/z?max-age=60&size=1000')).text();
    expect(cache.size).toBe(2);
    for (const name of ['x', 'z']) await (await through(cache, `/lru/${name}?max-age=60&size=1000`)).text();
    expect([calls.get('/lru/x'), calls.get('/lru/z')]).toEqual([1, 1]);
    await (await through(cache, '/lru/y?max-age=60&size=1000')).text();
    expect(calls.get('/lru/y')).toBe(2);
  });

  it('answers only for plain GET requests with nothing of the caller in them', () => {
    expect(isShareableRequest('http://a/api', undefined)).toBe(true);
    expect(isShareableRequest(new URL('http://a/api'), { method: 'get' })).toBe(true);
    expect(isShareableRequest('http://a/api', { method: 'POST', body: '{}' })).toBe(false);
    expect(isShareableRequest('http://a/api', { headers: { authorization: 'Bearer x' } })).toBe(false);
    expect(isShareableRequest('http://a/api', { cache: 'no-store' })).toBe(false);
    expect(isShareableRequest(new Request('http://a/api'), undefined)).toBe(false);
  });
});
