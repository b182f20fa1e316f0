/**
 * The door with real processes: a Worker (the supervisor's class) runs a
 * small HTTP server standing in for Next, with the door preloaded as in
 * production, behind a listener that hands it each connection. What the proxy
 * did per request must hold here too, and a roll must move a kept-alive
 * connection to the fresh worker without the client noticing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NONCE_HEADER, RENDERS_HEADER, REMOTE_VERSIONS_HEADER, SECRET_HEADER } from '../header-names';
import { MONOREPO_DOOR } from './door-files';
import type { DoorState } from './door-messages';
import { healthBody } from './health';
import { Worker, type WorkerDoor } from './worker';

const SECRET = 'a-secret-of-sixteen-chars';
const folder = mkdtempSync(path.join(tmpdir(), 'door-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Next's stand-in: echoes what it received and who answered; says what it renders, as pages do.
const serverScript = path.join(folder, 'server.js');
writeFileSync(
  serverScript,
  `require('node:http').createServer((req, res) => {
    res.setHeader('content-type', req.url.startsWith('/_next/') ? 'application/javascript' : 'text/html; charset=utf-8');
    res.setHeader('${RENDERS_HEADER}', JSON.stringify({ shop: 'remote' }));
    res.end(JSON.stringify({ pid: process.pid, headers: req.headers }));
  }).listen(Number(process.env.PORT), '127.0.0.1');\n`,
);

const state = (stopping = false): DoorState => ({
  health: healthBody('home', 'build-7', new Map([['shop', { ok: true, version: 's1', checkedAt: 'now' }]]), {}, true),
  serving: !stopping,
  remoteVersions: '{"shop":"s1"}',
  stopping,
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A public listener in front of whichever worker is current, as the supervisor has it. */
async function setup() {
  let current: Worker | null = null;
  const dispatch = (socket: net.Socket) => {
    if (!current?.hand(socket)) socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n');
  };
  const door: WorkerDoor = {
    script: MONOREPO_DOOR,
    config: { build: 'build-7', origins: ['http://localhost:3001', 'http://localhost:3002'] },
    opened: (worker) => worker.push(state()),
    returned: dispatch,
  };
  let id = 0;
  const start = async () => {
    const worker = await Worker.spawn(++id, {
      appDir: folder,
      mode: 'start',
      env: { ...process.env, FEDERATION_SSR_SECRET: SECRET },
      serverScript,
      log: () => undefined,
      door,
    });
    stops.push(() => worker.stop());
    await worker.ready('/', 15_000);
    return worker;
  };
  const listener = net.createServer({ pauseOnConnect: true }, dispatch);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  // Not awaited: a listener that handed sockets to other processes waits for them to report them closed.
  stops.push(async () => void listener.close());
  const port = (listener.address() as net.AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const busyAgent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  stops.push(async () => agent.destroy());
  stops.push(async () => busyAgent.destroy());
  return {
    start,
    serve: (worker: Worker) => (current = worker),
    get: (target: string, headers: http.OutgoingHttpHeaders = {}) => get(port, target, agent, headers),
    /** Clients that each send their next request as soon as an answer ends, over kept-alive connections. */
    load: (clients: number) => {
      let running = true;
      const answers: (number | string)[] = [];
      const loops = Array.from({ length: clients }, async () => {
        while (running) {
          answers.push(await get(port, '/shop', busyAgent, {}).then((answer) => answer.status, (error: Error) => error.message));
        }
      });
      // A test that fails before it stops its clients: they stop with the test, not spin against a closed port.
      stops.push(async () => void (running = false));
      return async () => {
        running = false;
        await Promise.all(loops);
        return answers;
      };
    },
  };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The client's end of the connection: the same one across answers when kept alive. */
  localPort: number;
}

function get(port: number, target: string, agent: http.Agent, headers: http.OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: target, agent, headers }, (response) => {
      const localPort = response.socket.localPort ?? 0;
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, localPort }),
      );
    });
    request.on('error', reject);
  });
}

const echoed = (answer: Answer) => JSON.parse(answer.body) as { pid: number; headers: Record<string, string> };

describe('door', () => {
  it('answers a document like the proxy: nonce on the request and in the policy, security headers, renders kept back', async () => {
    const { start, serve, get } = await setup();
    const worker = serve(await start());
    const answer = await get('/shop', { [NONCE_HEADER]: 'forged', [REMOTE_VERSIONS_HEADER]: 'forged' });
    const { headers } = echoed(answer);
    expect(answer.status).toBe(200);
    expect(headers[NONCE_HEADER]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(answer.headers['content-security-policy']).toContain(`'nonce-${headers[NONCE_HEADER]}' http://localhost:3001 http://localhost:3002`);
    expect(headers[REMOTE_VERSIONS_HEADER]).toBe('{"shop":"s1"}');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.headers[RENDERS_HEADER]).toBeUndefined();
    expect(worker.renders).toEqual({ shop: 'remote' });
  });

  it('names the build on entry files and answers health and the SSR guard itself', async () => {
    const { start, serve, get } = await setup();
    serve(await start());
    const entry = await get('/_next/static/chunks/remoteEntry.js?t=build-7');
    expect(entry.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(entry.headers['x-federation-build']).toBe('build-7');
    expect(echoed(entry).headers[NONCE_HEADER]).toBeUndefined();
    const health = await get('/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ app: 'home', settled: true, remotes: { shop: { ok: true } } });
    expect((await get('/_next/static/ssr/remoteEntry.js')).status).toBe(404);
    expect((await get('/_next/static/%73sr/remoteEntry.js')).status).toBe(404);
    expect((await get('/_next/static/ssr/remoteEntry.js', { [SECRET_HEADER]: SECRET })).status).toBe(200);
  });

  it('moves a kept-alive connection to a fresh worker between two requests: no error, the next answer is the fresh one', async () => {
    const { start, serve, get } = await setup();
    const first = serve(await start());
    const before = await get('/shop');
    const second = serve(await start());
    await first.drainAndStop(10_000);
    expect(first.alive).toBe(false);
    const after = await get('/shop');
    expect(after.status).toBe(200);
    expect(after.localPort).toBe(before.localPort);
    expect(echoed(before).pid).not.toBe(echoed(after).pid);
    expect(after.headers['content-security-policy']).toContain('nonce-');
    expect(second.alive).toBe(true);
  });

  it('rolls under load: connections come back mid-stream while their clients keep sending, and every request is answered', async () => {
    const { start, serve, load } = await setup();
    const first = serve(await start());
    const stop = load(6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    serve(await start());
    await first.drainAndStop(10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = await stop();
    expect(answers.filter((answer) => answer !== 200)).toEqual([]);
    expect(answers.length).toBeGreaterThan(50);
  });

  it('closes its connections after their answer when the app stops', async () => {
    const { start, serve, get } = await setup();
    const worker = serve(await start());
    worker.push(state(true));
    const answer = await get('/shop');
    expect(answer.headers.connection).toBe('close');
    expect(echoed(answer).headers[NONCE_HEADER]).toBeDefined();
  });
});
