/**
 * Runs an app in production (`start`) or dev: a listener on the public port,
 * one Next worker behind it, and a watch on every remote. It wires the parts
 * together; each has a file of its own:
 * - `roll`: which worker serves, and swapping in a fresh one;
 * - `roll-decision`: when production needs a fresh worker (a remote
 *   redeployed, back after an outage, or up while rendered as its fallback);
 * - `in-place-refresh`: dev loads a remote's new code in the running worker
 *   instead (see hot-remotes), recoveries included;
 * - `door` (in the worker): production connections, handed over by the
 *   listener; `proxy` and `proxy-answers`: dev's requests, and any the door
 *   does not take; `shutdown`: signals.
 */
import net from 'node:net';
import path from 'node:path';
import { DEV_DIST_DIR } from '../dist-dir';
import { REMOTE_VERSIONS_HEADER, SECRET_HEADER } from '../header-names';
import { originsFromEnv } from '../origins';
import type { AppEntry } from '../registry';
import { buildVersion } from './build-version';
import { devOutputFilter } from './dev-output';
import { MONOREPO_DOOR } from './door-files';
import type { DoorState } from './door-messages';
import { groupRssMiB } from './group-memory';
import { healthBody } from './health';
import { InPlaceRefresh } from './in-place-refresh';
import { createProxy } from './proxy';
import { proxyAnswers } from './proxy-answers';
import { announceReadyOnce } from './ready-line';
import { RemoteEvents } from './remote-events';
import { RemoteWatcher } from './remote-watch';
import { Roll } from './roll';
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
import { policyFor } from './security-headers';
import { settingsFromEnv } from './settings';
import { devCacheKeyEnv } from './dev-cache-key';
import { Shutdown } from './shutdown';
import { supervisorLog } from './supervisor-log';
import { Worker, type Mode, type WorkerDoor } from './worker';

/** Dev: how often a remote that is up but rendered as its fallback is loaded in place again. */
const STALE_RETRY_MS = 3_000;

/** Dev: why a fresh worker replaces one that outgrew FEDERATION_DEV_MAX_RSS_MB (logged on its own). */
const MEMORY_BOUND = 'memory bound';

/** Root is owned by one app and served by all: a page that loads remotes. */
const WARM_PATH = '/';

export interface SupervisorOptions {
  app: AppEntry;
  apps: AppEntry[];
  appDir: string;
  mode: Mode;
  port: number;
  env: NodeJS.ProcessEnv;
  serverScript?: string;
  doorScript?: string;
}

export async function runSupervisor(options: SupervisorOptions): Promise<void> {
  const { app, apps, appDir, mode, port, env, serverScript, doorScript } = options;
  const settings = settingsFromEnv(env, mode);
  const version = buildVersion(appDir, mode, env);
  const origins = originsFromEnv(apps, env);
  const { quiet, log, detail } = supervisorLog(app.name, mode, env);
  const secret = env.FEDERATION_SSR_SECRET || undefined;
  const watcher = new RemoteWatcher(
    apps.filter((other) => other.name !== app.name).map((other) => ({ name: other.name, origin: origins[other.name] as string })),
    { intervalMs: settings.pollMs, timeoutMs: settings.probeTimeoutMs, headers: secret ? { [SECRET_HEADER]: secret } : {}, browser: mode === 'dev' },
  );
  const shutdown = new Shutdown();

  const workers = new Set<Worker>();
  process.on('exit', () => workers.forEach((worker) => worker.killNow()));
  const workerEnv = mode === 'dev' ? { ...env, ...devCacheKeyEnv(appDir, env) } : env;
  const originList = Object.values(origins);
  // Production: the serving worker takes each connection itself (see door); dev keeps the proxy,
  // whose WebSocket tunnel and event stream `next dev` needs, and whose server runs in a child of its own.
  const door: WorkerDoor | undefined =
    mode === 'start'
      ? {
          script: doorScript ?? MONOREPO_DOOR,
          config: { build: version, origins: originList },
          opened: (worker) => worker.push(doorState()),
          returned: (socket) => dispatch(socket),
        }
      : undefined;
  let nextId = 1;
  const startWorker = async (): Promise<Worker> => {
    const id = nextId++;
    const worker = await Worker.spawn(id, {
      appDir,
      mode,
      env: workerEnv,
      serverScript,
      devDistDir: mode === 'dev' ? path.join(DEV_DIST_DIR, id % 2 === 0 ? 'b' : 'a') : undefined,
      log,
      keep: quiet ? devOutputFilter() : undefined,
      door,
    });
    workers.add(worker);
    void worker.exited.then(() => workers.delete(worker));
    return worker;
  };

  // What the serving worker was started with, for production's decision to start a fresh one.
  let snapshot: Snapshot = new Map();
  const downs: DownTracker = { downSince: new Map(), seenDown: new Set() };
  const fallbackRetries: FallbackRetries = new Map();
  const roll = new Roll<Worker>({
    start: startWorker,
    warmPath: WARM_PATH,
    readyTimeoutMs: settings.readyTimeoutMs,
    drainMs: settings.drainMs,
    // Dev polls 4 times a second; a failed warm-up (a fresh worker) is not retried faster than once a second.
    retryMs: Math.max(settings.pollMs, 1_000),
    begin: (reason) => {
      const next = snapshotOf(watcher.statuses);
      downs.seenDown.clear();
      if (quiet && roll.current && reason !== MEMORY_BOUND) log(`${reason}: starting a fresh server to load it`);
      return () => {
        snapshot = next;
        detail(`worker ${roll.current?.id} serves on internal port ${roll.current?.port}`);
        // Once the roll is over (settled in health), the doors answer from the new state.
        setImmediate(pushState);
      };
    },
    // At start every app sees the others come up while its next worker starts: that worker has them already.
    stillNeeded: () => rollReason(),
    stopping: () => shutdown.stopping,
    log,
    detail,
  });
  const renders = () => roll.current?.renders ?? {};
  const changedRemotes = () => remotesToReload(snapshot, downs, watcher.statuses, Date.now(), settings.downAfterMs);
  const fallbackRemotes = () => remotesUpButFallback(watcher.statuses, renders(), fallbackRetries);
  /** Production: why the serving worker should make way for a fresh one, or null. */
  const rollReason = (): string | null => {
    const changed = changedRemotes();
    if (changed.length > 0) return `new code of ${changed.join(', ')}`;
    const fallbacks = fallbackRemotes();
    if (fallbacks.length === 0) return null;
    for (const name of fallbacks) noteFallbackRetry(fallbackRetries, name, watcher.statuses.get(name)?.version ?? null);
    return `${fallbacks.join(', ')} up but rendered as fallback`;
  };

  // Dev: a changed remote is loaded afresh inside the running worker (a fresh `next dev` would
  // recompile the host and reload its open pages), and pages hear of it (see hot-remotes).
  const hot = mode === 'dev';
  let events: RemoteEvents | null = null;
  const remoteVersions = () =>
    JSON.stringify(Object.fromEntries([...watcher.statuses].map(([name, status]) => [name, status.ok ? status.version : null])));
  const staleInDev = () => remotesUpButFallback(watcher.statuses, renders(), new Map());
  const settled = () =>
    !roll.busy && roll.current !== null && (hot ? staleInDev().length === 0 : changedRemotes().length === 0 && fallbackRemotes().length === 0);
  const inPlace = new InPlaceRefresh({
    refresh: () => roll.current?.refresh(WARM_PATH, { [REMOTE_VERSIONS_HEADER]: remoteVersions() }, settings.readyTimeoutMs) ?? false,
    stale: staleInDev,
    retryMs: STALE_RETRY_MS,
    // Each load of new remote code keeps a little of the old in the worker (about 1.6 MiB an edit,
    // measured): past the bound, a fresh worker takes over, so dev memory stays below it.
    afterRefresh: () => {
      const group = roll.current?.group;
      const rss = group === undefined || roll.busy ? null : groupRssMiB(group);
      if (rss === null || rss <= settings.devMaxRssMb) return;
      log(`the dev server holds ${rss} MiB, above FEDERATION_DEV_MAX_RSS_MB=${settings.devMaxRssMb}: starting a fresh one (open pages reload once)`);
      void roll.roll(MEMORY_BOUND).catch((error) => log(String(error)));
    },
    log,
    detail,
  });

  const health = () => healthBody(app.name, version, watcher.statuses, renders(), settled());
  const doorState = (): DoorState => ({
    health: health(),
    serving: roll.current !== null && !shutdown.stopping,
    remoteVersions: remoteVersions(),
    stopping: shutdown.stopping,
  });
  const pushState = () => {
    if (!door) return;
    const state = doorState();
    for (const worker of workers) worker.push(state);
  };
  const policy = policyFor(originList);
  const proxy = createProxy({
    current: () => roll.current,
    stopping: () => shutdown.stopping,
    build: mode === 'start' ? version : null,
    requestHeaders: () => ({ [REMOTE_VERSIONS_HEADER]: remoteVersions() }),
    // Next's dev server evaluates code and talks over WebSocket: no policy in dev.
    policy: (nonce) => (mode === 'start' ? policy(nonce) : null),
    intercept: proxyAnswers({
      secret,
      events: () => events,
      health,
      serving: () => roll.current !== null && !shutdown.stopping,
    }),
  });
  // Each connection goes to the serving worker's door if it has one, else through the proxy
  // (dev, while no worker serves, and while stopping). Not read from before it is handed on.
  const dispatch = (socket: net.Socket) => {
    if (!shutdown.stopping && roll.current?.hand(socket)) return;
    proxy.emit('connection', socket);
    socket.resume();
  };
  const listener = net.createServer({ pauseOnConnect: true }, dispatch);
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(port, () => resolve());
  });
  log(quiet ? `http://localhost:${port}` : `listening on http://localhost:${port} (${mode})`);
  shutdown.listen({
    listener,
    proxy,
    drainMs: settings.drainMs,
    quiet: () => {
      watcher.stop();
      events?.close();
      pushState();
    },
    stopWorkers: async () => void (await Promise.all([...workers].map((worker) => worker.drainAndStop(settings.drainMs, false)))),
    log,
  });

  await watcher.pollOnce();
  const downNow = () => [...watcher.statuses].filter(([, status]) => !status.ok).map(([name]) => name);
  let wasDown = new Set(downNow());
  if (wasDown.size > 0) log(`waiting for ${[...wasDown].join(', ')} (their parts render as fallbacks until they answer)`);
  await roll.roll('start');
  pushState();
  if (hot) events = new RemoteEvents(watcher.statuses);
  const readiness = app.routes.includes('/') ? announceReadyOnce((line) => console.log(line), apps, origins) : null;
  watcher.start((statuses) => {
    if (shutdown.stopping) return;
    pushState();
    const down = new Set(downNow());
    for (const name of down) if (!wasDown.has(name)) log(`${name} is down: its parts render as fallbacks`);
    for (const name of wasDown) if (!down.has(name)) log(`${name} is up`);
    wasDown = down;
    void readiness?.(settled());
    trackDowns(downs, statuses, Date.now());
    // Dev: edits, and remotes that are back (or started after this worker), load in place.
    if (events) return inPlace.request(events.announce(statuses));
    const reason = rollReason();
    if (reason !== null) void roll.roll(reason).catch((error) => log(String(error)));
  });
}
