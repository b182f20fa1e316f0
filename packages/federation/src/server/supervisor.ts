/**
 * Runs an app in production (`start`) or dev: a small proxy on the public port,
 * one Next worker behind it, and a watch on every remote. When a remote is
 * redeployed or comes back, a fresh worker starts, warms up (loading the new
 * remote code), takes over new requests, and the old one drains and exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { originsFromEnv } from '../origins';
import type { AppEntry } from '../registry';
import { healthBody } from './health';
import { createProxy } from './proxy';
import { RemoteWatcher } from './remote-watch';
import { remotesToReload, snapshotOf, type Snapshot } from './roll-decision';
import { delay, Worker, type Mode } from './worker';

export interface SupervisorOptions {
  app: AppEntry;
  apps: AppEntry[];
  appDir: string;
  mode: Mode;
  port: number;
  env: NodeJS.ProcessEnv;
}

interface Settings {
  pollMs: number;
  probeTimeoutMs: number;
  readyTimeoutMs: number;
  drainMs: number;
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
    probeTimeoutMs: numberFromEnv(env, 'FEDERATION_PROBE_TIMEOUT_MS', 1_500),
    readyTimeoutMs: numberFromEnv(env, 'FEDERATION_READY_TIMEOUT_MS', mode === 'dev' ? 180_000 : 30_000),
    drainMs: numberFromEnv(env, 'FEDERATION_DRAIN_MS', 30_000),
  };
}

function buildVersion(appDir: string, mode: Mode): string {
  const buildIdFile = path.join(appDir, '.next', 'BUILD_ID');
  if (mode === 'dev') return 'development';
  if (!existsSync(buildIdFile)) {
    throw new Error(`no production build in ${path.relative(process.cwd(), appDir) || '.'}/.next: run \`pnpm build\` first.`);
  }
  return readFileSync(buildIdFile, 'utf8').trim();
}

export async function runSupervisor(options: SupervisorOptions): Promise<void> {
  const { app, apps, appDir, mode, port, env } = options;
  const settings = settingsFromEnv(env, mode);
  const version = buildVersion(appDir, mode);
  const origins = originsFromEnv(apps, env);
  const log = (line: string) => console.log(`[${app.name}] ${line}`);
  const watcher = new RemoteWatcher(
    apps.filter((other) => other.name !== app.name).map((other) => ({ name: other.name, origin: origins[other.name] as string })),
    { intervalMs: settings.pollMs, timeoutMs: settings.probeTimeoutMs },
  );

  let current: Worker | null = null;
  const workers = new Set<Worker>();
  process.on('exit', () => workers.forEach((worker) => worker.killNow()));
  let snapshot: Snapshot = new Map();
  const seenDown = new Set<string>();
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
        seenDown.clear();
        const id = nextId++;
        log(`starting worker ${id} (${reason})`);
        const worker = await Worker.spawn(id, {
          appDir,
          mode,
          env,
          devDistDir: mode === 'dev' ? path.join('.next-dev', id % 2 === 0 ? 'b' : 'a') : undefined,
          log,
        });
        workers.add(worker);
        worker.exitedPromise.then(() => workers.delete(worker));
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

  const server: http.Server = createProxy({
    current: () => current,
    intercept(req, res) {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname === '/api/health') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        const settled = !rolling && current !== null && remotesToReload(snapshot, seenDown, watcher.statuses).length === 0;
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
    for (const [name, status] of statuses) if (!status.ok) seenDown.add(name);
    const changed = remotesToReload(snapshot, seenDown, statuses);
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
