/**
 * Runs an app in production (`start`) or dev: a small proxy on the public port,
 * one Next worker behind it, and a watch on every remote. When a remote is
 * redeployed or comes back, or is up while the serving worker renders its
 * fallback, a fresh worker starts, warms up (loading the remote code), takes
 * over new requests, and the old one drains and exits. In dev the running
 * worker loads it in place instead (see hot-remotes), recoveries included. On SIGTERM the proxy
 * stops accepting connections, lets requests finish, then stops the workers.
 */
import path from 'node:path';
import { DEV_DIST_DIR } from '../dist-dir';
import { REMOTE_EVENTS_PATH, REMOTE_VERSIONS_HEADER, SECRET_HEADER } from '../header-names';
import { originsFromEnv } from '../origins';
import type { AppEntry } from '../registry';
import { buildVersion } from './build-version';
import { healthBody } from './health';
import { contentSecurityPolicy } from './security-headers';
import { isServerCodeRequest, mayReadServerCode } from './ssr-guard';
import { createProxy } from './proxy';
import { RemoteEvents } from './remote-events';
import { RemoteWatcher } from './remote-watch';
import {
  noteFallbackRetry,
  remotesToReload,
  remotesUpButFallback,
  snapshotOf,
  trackDowns,
  type DownTracker,
  type FallbackRetries,
  type Snapshot,
} from './roll-decision';
import { announceReadyOnce } from './ready-line';
import { devOutputFilter } from './dev-output';
import { settingsFromEnv } from './settings';
import { delay, Worker, type Mode } from './worker';

/** Dev: how often a remote that is up but rendered as its fallback is loaded in place again. */
const STALE_RETRY_MS = 3_000;

export interface SupervisorOptions {
  app: AppEntry;
  apps: AppEntry[];
  appDir: string;
  mode: Mode;
  port: number;
  env: NodeJS.ProcessEnv;
  serverScript?: string;
}

export async function runSupervisor(options: SupervisorOptions): Promise<void> {
  const { app, apps, appDir, mode, port, env, serverScript } = options;
  const settings = settingsFromEnv(env, mode);
  const version = buildVersion(appDir, mode, env);
  const origins = originsFromEnv(apps, env);
  // `pnpm dev` tells a developer what happens in plain lines ("home: waiting for shop");
  // production and FEDERATION_DEBUG keep every detail, workers' output included.
  const quiet = mode === 'dev' && !env.FEDERATION_DEBUG;
  const log = (line: string) => console.log(quiet ? `${app.name}: ${line}` : `[${app.name}] ${line}`);
  const detail = (line: string) => {
    if (!quiet) log(line);
  };
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
  const fallbackRetries: FallbackRetries = new Map();
  const changedRemotes = () => remotesToReload(snapshot, downs, watcher.statuses, Date.now(), settings.downAfterMs);
  const fallbackRemotes = () => remotesUpButFallback(watcher.statuses, current?.renders ?? {}, fallbackRetries);
  let nextId = 1;
  let rolling = false;
  let rollAgain = false;
  let stopping = false;
  // Root is owned by one app and served by all: a page that loads remotes.
  const warmPath = '/';

  async function startWorker(): Promise<Worker> {
    const id = nextId++;
    const worker = await Worker.spawn(id, {
      appDir,
      mode,
      env,
      serverScript,
      devDistDir: mode === 'dev' ? path.join(DEV_DIST_DIR, id % 2 === 0 ? 'b' : 'a') : undefined,
      log,
      keep: quiet ? devOutputFilter() : undefined,
    });
    workers.add(worker);
    worker.exited.then(() => workers.delete(worker));
    return worker;
  }

  /** One fresh worker: true if it took over, false if it failed and the old one stays. */
  async function swapIn(reason: string): Promise<boolean> {
    const nextSnapshot = snapshotOf(watcher.statuses);
    downs.seenDown.clear();
    const worker = await startWorker();
    if (quiet && current) log(`${reason}: starting a fresh server to load it`);
    detail(`starting worker ${worker.id} (${reason})`);
    try {
      await worker.ready(warmPath, settings.readyTimeoutMs);
    } catch (error) {
      log(`worker ${worker.id} failed: ${(error as Error).message}; keeping worker ${current?.id ?? 'none'}`);
      await worker.stop();
      if (!current) throw error;
      return false;
    }
    const previous = current;
    current = worker;
    snapshot = nextSnapshot;
    detail(`worker ${worker.id} serves on internal port ${worker.port}`);
    if (previous) void previous.drainAndStop(settings.drainMs).then(() => detail(`worker ${previous.id} stopped`));
    return true;
  }

  /** Swaps in fresh workers until one took over with nothing newer to pick up. */
  async function roll(reason: string): Promise<void> {
    if (rolling) {
      rollAgain = true;
      return;
    }
    rolling = true;
    try {
      let why = reason;
      for (;;) {
        rollAgain = false;
        const tookOver = await swapIn(why);
        if (stopping) return;
        if (tookOver && !rollAgain) return;
        if (!tookOver) await delay(settings.pollMs);
        why = tookOver ? 'changed while starting' : 'retry';
      }
    } finally {
      rolling = false;
    }
  }

  // Dev: a changed remote is loaded afresh inside the running worker (a fresh `next dev` would
  // recompile the host and reload its open pages), and pages hear of it (see hot-remotes).
  const hot = mode === 'dev';
  let events: RemoteEvents | null = null;
  const remoteVersions = () =>
    JSON.stringify(Object.fromEntries([...watcher.statuses].map(([name, status]) => [name, status.ok ? status.version : null])));
  const staleInDev = () => remotesUpButFallback(watcher.statuses, current?.renders ?? {}, new Map());
  const settled = () =>
    !rolling && current !== null && (hot ? staleInDev().length === 0 : changedRemotes().length === 0 && fallbackRemotes().length === 0);

  const originList = Object.values(origins);
  const server = createProxy({
    current: () => current,
    stopping: () => stopping,
    build: mode === 'start' ? version : null,
    requestHeaders: () => ({ [REMOTE_VERSIONS_HEADER]: remoteVersions() }),
    // Next's dev server evaluates code and talks over WebSocket: no policy in dev.
    policy: (nonce) => (mode === 'start' ? contentSecurityPolicy(originList, nonce) : null),
    intercept(req, res, pathname) {
      if (isServerCodeRequest(req.url ?? '/') && !mayReadServerCode(req.socket.remoteAddress, req.headers[SECRET_HEADER], secret)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
        return true;
      }
      if (events && pathname === REMOTE_EVENTS_PATH) {
        events.accept(req, res);
        return true;
      }
      if (pathname === '/api/health') {
        // 503 until a worker serves (and while stopping), so the endpoint works as a readiness probe.
        res.writeHead(current && !stopping ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(healthBody(app.name, version, watcher.statuses, current?.renders ?? {}, settled())));
        return true;
      }
      return false;
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  log(quiet ? `http://localhost:${port}` : `listening on http://localhost:${port} (${mode})`);

  await watcher.pollOnce();
  const downNow = () => [...watcher.statuses].filter(([, status]) => !status.ok).map(([name]) => name);
  let wasDown = new Set(downNow());
  if (wasDown.size > 0) log(`waiting for ${[...wasDown].join(', ')} (their parts render as fallbacks until they answer)`);
  await roll('start');
  if (hot) events = new RemoteEvents(watcher.statuses);
  let refreshing = false;
  let refreshAgain = false;
  let staleRetried = 0;
  const refreshInPlace = (changed: string[]) => {
    if (changed.length > 0) log(`new code of ${changed.join(', ')}: loading it in place`);
    // A remote that is up but still rendered as its fallback (its reload failed while it compiled)
    // is retried every few seconds, not once: the worker drops its failure again (see hot-remotes).
    const stale = staleInDev().length > 0 && Date.now() - staleRetried >= STALE_RETRY_MS;
    if (!current || (changed.length === 0 && !stale && !refreshAgain)) return;
    // A change seen during a refresh is loaded right after it, not dropped.
    if (refreshing) return void (refreshAgain = true);
    refreshAgain = false;
    if (stale) staleRetried = Date.now();
    refreshing = true;
    void current
      .refresh(warmPath, { [REMOTE_VERSIONS_HEADER]: remoteVersions() }, settings.readyTimeoutMs)
      .catch((error: Error) => detail(`refresh failed: ${error.message}`))
      .finally(() => {
        refreshing = false;
        if (refreshAgain) refreshInPlace([]);
      });
  };
  const readiness = app.routes.includes('/') ? announceReadyOnce((line) => console.log(line), apps, origins) : null;
  watcher.start((statuses) => {
    if (stopping) return;
    const down = new Set(downNow());
    for (const name of down) if (!wasDown.has(name)) log(`${name} is down: its parts render as fallbacks`);
    for (const name of wasDown) if (!down.has(name)) log(`${name} is up`);
    wasDown = down;
    void readiness?.(settled());
    trackDowns(downs, statuses, Date.now());
    if (events) {
      // Edits, and remotes that are back (or started after this worker), load in place: the worker
      // drops what it holds of them (see hot-remotes) and open pages hear of it, no fresh `next dev`.
      return refreshInPlace(events.announce(statuses));
    }
    const changed = changedRemotes();
    const fallbacks = fallbackRemotes();
    if (changed.length === 0 && fallbacks.length === 0) return;
    if (changed.length === 0) for (const name of fallbacks) noteFallbackRetry(fallbackRetries, name, statuses.get(name)?.version ?? null);
    const reason = changed.length > 0 ? `new code of ${changed.join(', ')}` : `${fallbacks.join(', ')} up but rendered as fallback`;
    void roll(reason).catch((error) => log(String(error)));
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight (up to ${settings.drainMs} ms), then stopping`);
    watcher.stop();
    events?.close();
    // No new connections; idle ones close now, busy ones once their request is answered.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeTunnels();
    await Promise.race([closed, delay(settings.drainMs)]);
    await Promise.all([...workers].map((worker) => worker.drainAndStop(settings.drainMs)));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
