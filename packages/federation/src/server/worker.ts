/**
 * One Next server process (`next start` or `next dev`) on an internal port.
 * The supervisor runs one at a time and swaps in a fresh one when a remote
 * changes, because a Next process cannot unload remote code it has run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { RENDERS_HEADER } from '../header-names';
import { builtConfigEnv } from './built-config';
import type { Renders } from '../runtime/remote-state';
import { DOOR_ENV, holdReading, isToSupervisor, type DoorConfig, type DoorState, type ToWorker } from './door-messages';

export type Mode = 'dev' | 'start';

export interface WorkerOptions {
  appDir: string;
  mode: Mode;
  env: NodeJS.ProcessEnv;
  /** A standalone artifact's server.js, run instead of `next start`. */
  serverScript?: string;
  /** dev only: a folder of its own, so two dev workers never share one. */
  devDistDir?: string;
  log: (line: string) => void;
  /** Which of the worker's output lines to pass on (all when absent). */
  keep?: (line: string) => boolean;
  /** Production: the worker serves connections handed to it (see door). */
  door?: WorkerDoor;
}

export interface WorkerDoor {
  /** The file preloaded into the worker (door-files). */
  script: string;
  config: DoorConfig;
  /** The worker's server listens: push it the state it answers from. */
  opened: (worker: Worker) => void;
  /** A connection the worker handed back between two requests. */
  returned: (socket: net.Socket) => void;
}

export class Worker {
  readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  inFlight = 0;
  /** What this worker renders of each remote, as its last page said. */
  renders: Record<string, Renders> = {};
  readonly exited: Promise<number | null>;
  /** True once its server listens and it takes connections (production, see door). */
  private doorOpen = false;
  private drained: (() => void) | null = null;

  private constructor(
    readonly id: number,
    readonly port: number,
    private readonly child: ChildProcess,
    door: WorkerDoor | undefined,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    if (!door) return;
    child.on('message', (message: unknown, handle?: unknown) => {
      if (!isToSupervisor(message)) return;
      if (message.door === 'open') {
        this.doorOpen = true;
        door.opened(this);
      }
      if (message.door === 'return' && handle instanceof net.Socket) {
        holdReading(handle);
        door.returned(handle);
      }
      if (message.door === 'renders') this.noteRenders(message.renders);
      if (message.door === 'drained') this.drained?.();
    });
  }

  static async spawn(id: number, options: WorkerOptions): Promise<Worker> {
    const port = await freePort();
    const args = options.serverScript
      ? [options.serverScript]
      : [
          createRequire(path.join(options.appDir, 'package.json')).resolve('next/dist/bin/next'),
          options.mode,
          '--port',
          String(port),
          '--hostname',
          '127.0.0.1',
        ];
    // A worker leaves with its supervisor even if the supervisor is killed outright.
    const exitWithSupervisor = 'data:text/javascript,process.on("disconnect",()=>process.exit(0))';
    const door = options.door ? ['--require', options.door.script] : [];
    const child = spawn(
      process.execPath,
      ['--import', exitWithSupervisor, ...door, ...args],
      {
        cwd: options.appDir,
        env: {
          ...options.env,
          PORT: String(port),
          HOSTNAME: '127.0.0.1',
          // The app's own API calls from its pages come straight here (see runtime/server-fetch).
          FEDERATION_WORKER_ORIGIN: `http://127.0.0.1:${port}`,
          ...(options.devDistDir ? { FEDERATION_DEV_DIST_DIR: options.devDistDir } : {}),
          // `next start` from the monorepo: the build's config, not next.config.ts (see built-config).
          ...(options.mode === 'start' && !options.serverScript ? builtConfigEnv(options.appDir, options.env) : {}),
          ...(options.door ? { [DOOR_ENV]: JSON.stringify(options.door.config) } : {}),
        },
        // A process group of its own: a signal to the supervisor's group (Ctrl-C,
        // a test stopping `pnpm start`) must not cut the worker's requests short;
        // the supervisor drains it first, then stops its group.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    const prefix = options.keep ? '' : `[worker ${id}] `;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          if (line.trim() && (options.keep?.(line) ?? true)) options.log(prefix + line);
        }
      });
    }
    return new Worker(id, port, child, options.door);
  }

  /** Its process group (the worker and, in dev, the server child Next starts). */
  get group(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the server answers `warmPath` (any status): remotes are then loaded. */
  async ready(warmPath: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.alive) throw new Error(`worker ${this.id} exited before it was ready`);
      try {
        if ((await this.visit(warmPath, Math.max(1_000, deadline - Date.now()))) > 0) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`worker ${this.id} not ready after ${timeoutMs} ms`);
      await delay(150);
    }
  }

  /** Dev: renders `path` with each remote's version, so the worker loads changed remotes afresh now. */
  async refresh(path: string, headers: Record<string, string>, timeoutMs: number): Promise<void> {
    await this.visit(path, timeoutMs, headers);
  }

  /** One request straight to the worker; its page's report of what it renders is kept. Returns the status. */
  private async visit(path: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<number> {
    const { status, renders } = await get(`http://127.0.0.1:${this.port}${path}`, timeoutMs, headers);
    if (renders) this.noteRenders(renders);
    return status;
  }

  /** Reads the report a page carries (see runtime/remote-state). */
  noteRenders(header: string): void {
    try {
      this.renders = JSON.parse(header) as Record<string, Renders>;
    } catch {
      // not ours: keep the last report
    }
  }

  /** Hands it a connection not read from yet; false if it takes none (the caller serves it). */
  hand(socket: net.Socket): boolean {
    if (!this.doorOpen || !this.alive || !this.child.connected) return false;
    this.send({ door: 'connection' }, socket);
    return true;
  }

  /** What its door answers from (health, remote versions, stopping). */
  push(state: DoorState): void {
    if (this.doorOpen && this.alive && this.child.connected) this.send({ door: 'state', state });
  }

  /**
   * Waits for in-flight requests (bounded), then stops the process. Its
   * connections come back between two requests (`handBack`, when a fresh
   * worker took over) or close after their answer (the app stops).
   */
  async drainAndStop(maxWaitMs: number, handBack = true): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    if (this.doorOpen && this.alive && this.child.connected) {
      const drained = new Promise<void>((resolve) => (this.drained = resolve));
      this.doorOpen = false;
      this.send({ door: 'drain', handBack });
      // The bound's timer goes with the drain: it must not hold the supervisor up afterwards.
      const bound = new AbortController();
      await Promise.race([drained, delay(maxWaitMs, undefined, { signal: bound.signal }).catch(() => undefined), this.exited]);
      bound.abort();
    }
    while (this.inFlight > 0 && Date.now() < deadline) await delay(50);
    await this.stop();
  }

  private send(message: ToWorker, handle?: net.Socket): void {
    this.child.send(message, handle, (error) => {
      // The worker left meanwhile: a connection it did not get is closed, its client retries.
      if (error && handle) handle.destroy();
    });
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    if (!this.alive || this.child.pid === undefined) return;
    this.signal('SIGTERM');
    const force = setTimeout(() => this.signal('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(force);
  }

  /** Last resort when the supervisor itself exits: no orphan keeps a port. */
  killNow(): void {
    if (this.alive) this.signal('SIGKILL');
  }

  /** The whole group: `next dev` runs the server in a child of its own. */
  private signal(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid !== undefined) process.kill(-this.child.pid, signal);
    } catch {
      // already gone
    }
  }
}

function get(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; renders: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: timeoutMs, headers }, (response) => {
      response.resume();
      const renders = response.headers[RENDERS_HEADER];
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, renders: typeof renders === 'string' ? renders : undefined }),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
