/**
 * When must a host start a fresh server process? When a remote it may have
 * loaded changed: it is up with another version than when the process started,
 * or it is up again after being seen down (the process may have cached the
 * failure). A remote going down is no reason: the running process keeps
 * serving the remote code it already has.
 */
import type { RemoteStatus } from './remote-watch';

/** What a worker was started with: each remote's version then (null: down). */
export type Snapshot = Map<string, string | null>;

export function snapshotOf(statuses: ReadonlyMap<string, RemoteStatus>): Snapshot {
  return new Map([...statuses].map(([name, status]) => [name, status.ok ? status.version : null]));
}

/** Names of the remotes that call for a fresh worker. */
export function remotesToReload(
  snapshot: Snapshot,
  seenDown: ReadonlySet<string>,
  statuses: ReadonlyMap<string, RemoteStatus>,
): string[] {
  const changed: string[] = [];
  for (const [name, status] of statuses) {
    if (!status.ok) continue;
    if (snapshot.get(name) !== status.version || seenDown.has(name)) changed.push(name);
  }
  return changed;
}
