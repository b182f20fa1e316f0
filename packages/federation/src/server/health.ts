/**
 * The body of GET /api/health, answered from the supervisor's memory (by the proxy, or
 * by the worker's door from the state the supervisor pushes). Per remote:
 * what the watch sees (`ok`, `version`, `checkedAt`) and what the serving
 * worker renders of it (`renders`: the remote, its fallback, or null before
 * the worker has used it). `settled` is true only when no fresh worker is on
 * its way and the serving worker renders every remote that is up.
 */
import type { Renders } from '../runtime/remote-state';
import type { RemoteStatus } from './remote-watch';

export interface RemoteHealth extends RemoteStatus {
  renders: Renders | null;
}

export interface Health {
  app: string;
  version: string;
  remotes: Record<string, RemoteHealth>;
  settled: boolean;
}

export function healthBody(
  app: string,
  version: string,
  statuses: ReadonlyMap<string, RemoteStatus>,
  renders: Readonly<Record<string, Renders>>,
  settled: boolean,
): Health {
  const remotes = Object.fromEntries([...statuses].map(([name, status]) => [name, { ...status, renders: renders[name] ?? null }]));
  return { app, version, remotes, settled };
}
