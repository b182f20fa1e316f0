/**
 * Starts and stops app servers for tests that need their own (other ports,
 * other env, dev mode). Each server runs in its own process group, so stopping
 * it stops Next's children too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { originEnvVar } from '@repo/federation/origins';
import { repoRoot } from './apps';

export interface RunningApp {
  name: string;
  pid: number | undefined;
  port: number;
  url: string;
  output: () => string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM to the main process only (as a container runtime sends it), or to its whole group (as Ctrl-C does). */
  terminate: (scope?: 'process' | 'group') => void;
  stop: () => Promise<void>;
}

export interface StartOptions {
  mode: 'dev' | 'start';
  port: number;
  env?: Record<string, string>;
}

/** `{ SHOP_ORIGIN: 'http://localhost:4102', ... }` for apps moved to other ports. */
export function originsEnv(ports: Record<string, number>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [originEnvVar(name), `http://localhost:${port}`]),
  );
}

export function startApp(name: string, { mode, port, env = {} }: StartOptions): RunningApp {
  if (!existsSync(appDir(name))) throw new Error(`No app folder apps/${name}.`);
  return trackProcess(name, port, spawn('pnpm', ['--filter', name, mode], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/** Starts a standalone artifact folder with `node start.cjs`: no pnpm, no monorepo. */
export function startArtifact(name: string, folder: string, port: number, env: Record<string, string>): RunningApp {
  const { PATH, HOME } = process.env;
  return trackProcess(name, port, spawn(process.execPath, ['start.cjs'], {
    cwd: folder,
    env: { PATH, HOME, ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/** Process groups started by this test process and not stopped yet: a test that dies still takes them along. */
const groups = new Set<number>();
process.once('exit', () => {
  for (const pid of groups) signalGroup(pid, 'SIGKILL');
});

/** Output, exit and stop (by process group) of a server started detached. */
export function trackProcess(name: string, port: number, child: ChildProcess): RunningApp {
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (child.pid !== undefined) groups.add(child.pid);

  return {
    name,
    pid: child.pid,
    port,
    url: `http://localhost:${port}`,
    output: () => log,
    exited,
    terminate: (scope = 'process') => (scope === 'group' && child.pid ? signalGroup(child.pid, 'SIGTERM') : child.kill('SIGTERM')),
    // The whole group, even when the launcher (pnpm, node start.cjs) has exited already: its
    // supervisor and workers may still hold the port that the next start of this app needs.
    async stop() {
      const pid = child.pid;
      if (pid === undefined) return;
      signalGroup(pid, 'SIGTERM');
      const killAt = Date.now() + 5_000;
      while (groupAlive(pid)) {
        if (Date.now() > killAt) signalGroup(pid, 'SIGKILL');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      groups.delete(pid);
      await exited;
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls a URL until `accept` says yes or the time runs out. */
export async function waitFor(
  url: string,
  accept: (status: number, body: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      if (accept(response.status, body)) return body;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${last})`);
}

export const appDir = (name: string) => path.join(repoRoot, 'apps', name);
