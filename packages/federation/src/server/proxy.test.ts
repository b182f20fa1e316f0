/**
 * The proxy in-process, in front of a real HTTP server standing in for the
 * Next worker: what it adds and strips, what it answers itself (SSR guard,
 * health), the WebSocket tunnel, and a worker that does not answer.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_HEADER, NONCE_HEADER, RENDERS_HEADER, SECRET_HEADER, STARTING_HEADER } from '../header-names';
import { IMMUTABLE, REVALIDATE } from './cache-policy';
import { healthBody } from './health';
import { createProxy, type Proxy, type ProxiedWorker } from './proxy';
import { proxyAnswers } from './proxy-answers';

const SECRET = 'a-secret-of-sixteen-chars';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as net.AddressInfo).port;
}

/** The worker: answers every request with what it received; HTML for documents, JS under /_next/. */
async function startWorker(): Promise<ProxiedWorker & { renders: string[] }> {
  const upstream = http.createServer((req, res) => {
    const body = JSON.stringify({ url: req.url, headers: req.headers });
    const type = req.url?.startsWith('/_next/') ? 'application/javascript' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, [RENDERS_HEADER]: '{"shop":"remote"}', 'cache-control': 'public, max-age=31536000, immutable' });
    res.end(body);
  });
  upstream.on('upgrade', (req, socket) => {
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (data: Buffer) => socket.write(`echo:${data.toString()}`));
  });
  upstream.on('connection', (socket) => closers.push(async () => void socket.destroy()));
  const port = await listen(upstream);
  const agent = new http.Agent({ keepAlive: true });
  closers.push(async () => agent.destroy());
  const renders: string[] = [];
  return { port, agent, inFlight: 0, renders, noteRenders: (header: string) => void renders.push(header) };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with the path exactly as written (fetch would normalise it) and any Host. */
function get(url: string, target: string, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const request = http.get({ hostname, port, path: target, headers, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
  });
}

const received = (answer: Answer) => JSON.parse(answer.body) as { url: string; headers: Record<string, string> };

interface Setup {
  worker?: ProxiedWorker | null;
  stopping?: boolean;
}

async function startProxy({ worker = null, stopping = false }: Setup): Promise<{ proxy: Proxy; url: string }> {
  const proxy = createProxy({
    current: () => worker,
    stopping: () => stopping,
    build: 'build-7',
    requestHeaders: () => ({ 'x-federation-remote-versions': '{"shop":"s1"}' }),
    policy: (nonce) => `script-src 'nonce-${nonce}'`,
    intercept: proxyAnswers({
      secret: SECRET,
      events: () => null,
      health: () => healthBody('home', 'build-7', new Map(), {}, worker !== null),
      serving: () => worker !== null && !stopping,
    }),
  });
  const port = await listen(proxy);
  closers.unshift(async () => proxy.closeTunnels());
  return { proxy, url: `http://127.0.0.1:${port}` };
}

describe('createProxy', () => {
  it('forwards with the forwarding headers, a nonce and the remotes\' versions, and sets the document\'s policy from that nonce', async () => {
    const worker = await startWorker();
    const { url } = await startProxy({ worker });
    const response = await get(url, '/shop?x=1', { host: 'shop.example' });
    const seen = received(response);
    expect(seen.url).toBe('/shop?x=1');
    expect(seen.headers['x-forwarded-host']).toBe('shop.example');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-federation-remote-versions']).toBe('{"shop":"s1"}');
    const nonce = seen.headers[NONCE_HEADER];
    expect(nonce).toMatch(/^[\w+/=-]{16,}$/);
    expect(response.headers['content-security-policy']).toBe(`script-src 'nonce-${nonce}'`);
    // The worker's report of what it renders stays between it and the proxy.
    expect(response.headers[RENDERS_HEADER]).toBeUndefined();
    expect(worker.renders).toEqual(['{"shop":"remote"}']);
    expect(worker.inFlight).toBe(0);
  });

  it('names its build on entry files, keeps them for good only under that build, and sends no nonce under /_next/', async () => {
    const worker = await startWorker();
    const { url } = await startProxy({ worker });
    const versioned = await get(url, '/_next/static/chunks/remoteEntry.js?t=build-7');
    expect(versioned.headers['cache-control']).toBe(IMMUTABLE);
    expect(versioned.headers[BUILD_HEADER]).toBe('build-7');
    expect(received(versioned).headers[NONCE_HEADER]).toBeUndefined();
    // Odd spellings under /_next/ need the secret (see ssr-guard); a host sending it gets the same policy.
    const host = { [SECRET_HEADER]: SECRET };
    expect((await get(url, '/_next/static/chunks/%72emoteEntry.js?t=build-7', host)).headers['cache-control']).toBe(IMMUTABLE);
    // Unnamed, another build's name, a name given twice, or spelled otherwise: never Next's year-long cache.
    for (const spelling of [
      '/_next/static/chunks/remoteEntry.js',
      '/_next/static/chunks/remoteEntry.js?t=build-6',
      '/_next/static/chunks/remoteEntry.js?t=build-7&t=build-7',
      '/_next/static/chunks/%72emoteEntry.js',
      '//_next/static/chunks/REMOTEENTRY.js',
      '/_next/static/x/../chunks/mf-manifest.json',
    ]) {
      expect((await get(url, spelling, host)).headers['cache-control'], spelling).toBe(REVALIDATE);
    }
    // A content-hashed chunk keeps Next's own cache.
    expect((await get(url, '/_next/static/chunks/main-abc.js')).headers['cache-control']).toBe(IMMUTABLE);
  });

  it('refuses server code without the secret, however the path is spelled, and forwards it with the secret', async () => {
    const worker = await startWorker();
    const { url } = await startProxy({ worker });
    for (const spelling of ['/_next/static/ssr/remoteEntry.js', '/_next/static/%73sr/remoteEntry.js', '/_next//static/ssr/remoteEntry.js', '/_next/static/x/../ssr/remoteEntry.js']) {
      expect((await get(url, spelling)).status, spelling).toBe(404);
    }
    const allowed = await get(url, '/_next/static/ssr/remoteEntry.js', { [SECRET_HEADER]: SECRET });
    expect(allowed.status).toBe(200);
    expect(received(allowed).url).toBe('/_next/static/ssr/remoteEntry.js');
  });

  it('answers health itself: 503 before a worker serves, 200 once one does', async () => {
    const before = await startProxy({});
    const starting = await fetch(`${before.url}/api/health`);
    expect(starting.status).toBe(503);
    expect(((await starting.json()) as { settled: boolean }).settled).toBe(false);
    const page = await fetch(`${before.url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('1');
    expect(page.headers.get(STARTING_HEADER)).toBe('1'); // the app's own calls tell "starting" from a failure
    await page.arrayBuffer();

    const worker = await startWorker();
    const serving = await startProxy({ worker });
    const health = await fetch(`${serving.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toMatchObject({ app: 'home', version: 'build-7', settled: true });
  });

  it('closes each connection after its answer while stopping', async () => {
    const worker = await startWorker();
    const { url } = await startProxy({ worker, stopping: true });
    const response = await fetch(`${url}/`);
    expect(response.headers.get('connection')).toBe('close');
    await response.arrayBuffer();
  });

  it('answers 502 when the worker does not answer, and counts the request as finished', async () => {
    const gone = net.createServer();
    const port = await new Promise<number>((resolve) => gone.listen(0, '127.0.0.1', () => resolve((gone.address() as net.AddressInfo).port)));
    await new Promise((resolve) => gone.close(resolve));
    const worker: ProxiedWorker = { port, agent: new http.Agent(), inFlight: 0, noteRenders: () => undefined };
    const { url } = await startProxy({ worker });
    const response = await fetch(`${url}/shop`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Upstream error');
    expect(worker.inFlight).toBe(0);
  });

  it('sends a request again when the worker closed the kept-alive connection it reused (its idle timeout)', async () => {
    // A worker that closes every connection after its first answer, without saying so: the next
    // request on that connection meets a reset, as when Next's keep-alive timeout fires at that moment.
    const served = new WeakSet<net.Socket>();
    const upstream = http.createServer((req, res) => {
      if (served.has(req.socket)) return req.socket.destroy();
      served.add(req.socket);
      res.writeHead(200, { 'content-type': 'application/javascript' }).end(`// ${req.url}`);
    });
    const port = await listen(upstream);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(async () => agent.destroy());
    const worker: ProxiedWorker = { port, agent, inFlight: 0, noteRenders: () => undefined };
    const { url } = await startProxy({ worker });
    for (const file of ['a', 'b', 'c']) {
      const answer = await get(url, `/_next/static/chunks/${file}.js`, { connection: 'keep-alive' });
      expect(answer.status, file).toBe(200);
      expect(answer.body).toBe(`// /_next/static/chunks/${file}.js`);
    }
    expect(worker.inFlight).toBe(0);
  });

  it('tunnels a WebSocket upgrade to the worker, both ways', async () => {
    const worker = await startWorker();
    const { url } = await startProxy({ worker });
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
    closers.push(async () => void socket.destroy());
    const received: string[] = [];
    socket.on('data', (data: Buffer) => received.push(data.toString()));
    socket.write('GET /_next/webpack-hmr HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    await expect.poll(() => received.join('')).toContain('101 Switching Protocols');
    socket.write('ping');
    await expect.poll(() => received.join('')).toContain('echo:ping');
  });
});
