/**
 * Runs an app in production (`start`) or dev: a small proxy on the public port,
 * one Next worker behind it, and a watch on every remote. When a remote is
 * redeployed or comes back, a fresh worker starts, warms up (loading the new
 * remote code), takes over new requests, and the old one drains and exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { DEV_DIST_DIR, productionDistDir } from '../dist-dir';
import { SECRET_HEADER } from '../header-names';
import { originsFromEnv } from '../origins';
import { DEFAULT_REMOTE_TIMEOUT_MS } from '../runtime/server-fetch';
import type { AppEntry } from '../registry';
import { healthBody } from './health';
import { contentSecurityPolicy } from './security-headers';
import { isServerCodeRequest, mayReadServerCode } from './ssr-guard';
import { createProxy } from './proxy';
import { RemoteWatcher } from './remote-watch';
import { remotesToReload, snapshotOf, trackDowns, type DownTracker, type Snapshot } from './roll-decision';
import { delay, Worker, type Mode } from './worker';

export interface SupervisorOptions {
  app: AppEntry;
  apps: AppEntry[];
  appDir: string;
  mode: Mode;
  port: number;
  env: NodeJS.ProcessEnv;
  serverScript?: string;
}

interface Settings {
  pollMs: number;
  downAfterMs: number;
  probeTimeoutMs: number;
  readyTimeoutMs: number;
  drainMs: number;
  /** Read by the runtime plugin in the worker; checked here so a bad value fails at start. */
  remoteTimeoutMs: number;
}

function numberFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name}="${raw}" is not a positive number of milliseconds: fix it or unset it.`);
  }
  return value;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv, mode: Mode): Settings {
  return {
    pollMs: numberFromEnv(env, 'FEDERATION_POLL_MS', 1_000),
    downAfterMs: numberFromEnv(env, 'FEDERATION_DOWN_AFTER_MS', 3_000),
    probeTimeoutMs: numberFromEnv(env, 'FEDERATION_PROBE_TIMEOUT_MS', 1_500),
    readyTimeoutMs: numberFromEnv(env, 'FEDERATION_READY_TIMEOUT_MS', mode === 'dev' ? 180_000 : 30_000),
    drainMs: numberFromEnv(env, 'FEDERATION_DRAIN_MS', 30_000),
    remoteTimeoutMs: numberFromEnv(env, 'FEDERATION_REMOTE_TIMEOUT_MS', DEFAULT_REMOTE_TIMEOUT_MS),
  };
}

function buildVersion(appDir: string, mode: Mode, env: NodeJS.ProcessEnv): string {
  if (mode === 'dev') return 'development';
  const distDir = productionDistDir(env);
  const buildIdFile = path.join(appDir, distDir, 'BUILD_ID');
  if (!existsSync(buildIdFile)) {
    throw new Error(`no production build in apps/${path.basename(appDir)}/${distDir}: run \`pnpm build\` first.`);
  }
  return readFileSync(buildIdFile, 'utf8').trim();
}

export async function runSupervisor(options: SupervisorOptions): Promise<void> {
  const { app, apps, appDir, mode, port, env, serverScript } = options;
  const settings = settingsFromEnv(env, mode);
  const version = buildVersion(appDir, mode, env);
  const origins = originsFromEnv(apps, env);
  const log = (line: string) => console.log(`[${app.name}] ${line}`);
  const secret = env.FEDERATION_SSR_SECRET || undefined;
  const watcher = new RemoteWatcher(
    apps.filter((other) => other.name !== app.name).map((other) => ({ name: other.name, origin: origins[other.name] as string })),
    {
      intervalMs: settings.pollMs,
      timeoutMs: settings.probeTimeoutMs,
      headers: secret ? { [SECRET_HEADER]: secret } : {},
    },
  );

  let current: Worker | null = null;
  const workers = new Set<Worker>();
  process.on('exit', () => workers.forEach((worker) => worker.killNow()));
  let snapshot: Snapshot = new Map();
  const downs: DownTracker = { downSince: new Map(), seenDown: new Set() };
  const reloadNeeded = () =>
    remotesToReload(snapshot, downs, watcher.statuses, Date.now(), settings.downAfterMs);
  let nextId = 1;
  let rolling = false;
  let rollAgain = false;
  let stopping = false;
  // Root is owned by one app and served by all: a page that loads remotes.
  const warmPath = '/';

  async function roll(reason: string): Promise<void> {
    if (rolling) {
      rollAgain = true;
      return;
    }
    rolling = true;
    try {
      do {
        rollAgain = false;
        const nextSnapshot = snapshotOf(watcher.statuses);
        downs.seenDown.clear();
        const id = nextId++;
        log(`starting worker ${id} (${reason})`);
        const worker = await Worker.spawn(id, {
          appDir,
          mode,
          env,
          serverScript,
          devDistDir: mode === 'dev' ? path.join(DEV_DIST_DIR, id % 2 === 0 ? 'b' : 'a') : undefined,
          log,
        });
        workers.add(worker);
        worker.exited.then(() => workers.delete(worker));
        try {
          await worker.ready(warmPath, settings.readyTimeoutMs);
        } catch (error) {
          log(`worker ${id} failed: ${(error as Error).message}; keeping worker ${current?.id ?? 'none'}`);
          await worker.stop();
          if (!current) throw error;
          await delay(settings.pollMs);
          rollAgain = !stopping;
          continue;
        }
        const previous = current;
        current = worker;
        snapshot = nextSnapshot;
        log(`worker ${id} serves on internal port ${worker.port}`);
        if (previous) void previous.drainAndStop(settings.drainMs).then(() => log(`worker ${previous.id} stopped`));
      } while (rollAgain && !stopping);
    } finally {
      rolling = false;
    }
  }

  const originList = Object.values(origins);
  const server: http.Server = createProxy({
    current: () => current,
    // Next's dev server evaluates code and talks over WebSocket: no policy in dev.
    policy: (nonce) => (mode === 'start' ? contentSecurityPolicy(originList, nonce) : null),
    intercept(req, res, pathname) {
      if (isServerCodeRequest(req.url ?? '/') && !mayReadServerCode(req.socket.remoteAddress, req.headers[SECRET_HEADER], secret)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
        return true;
      }
      if (pathname === '/api/health') {
        // 503 until a worker serves, so the endpoint works as a readiness probe.
        res.writeHead(current ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        const settled = !rolling && current !== null && reloadNeeded().length === 0;
        res.end(JSON.stringify(healthBody(app.name, version, watcher.statuses, settled)));
        return true;
      }
      return false;
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  log(`listening on http://localhost:${port} (${mode})`);

  await watcher.pollOnce();
  await roll('start');
  watcher.start((statuses) => {
    trackDowns(downs, statuses, Date.now());
    const changed = reloadNeeded();
    if (changed.length > 0 && !stopping) void roll(`remote changed: ${changed.join(', ')}`).catch((error) => log(String(error)));
  });

  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    watcher.stop();
    server.close();
    await current?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
