/**
 * When must a host start a fresh server process? A Node process cannot unload
 * remote code it has run, so whenever what it has loaded no longer matches
 * what the remote serves:
 * - a remote is up with another version than when the process started
 *   (redeployed), or is up again after being seen down (the process may have
 *   cached the failure);
 * - a remote has been down for a while: its code in the process is stale and
 *   the browser cannot load it either, so render the fallback instead.
 *   A short blip (a restart) is ridden out on the cached code.
 */
import type { RemoteStatus } from './remote-watch';

/** What a worker was started with: each remote's version then (null: down). */
export type Snapshot = Map<string, string | null>;

export function snapshotOf(statuses: ReadonlyMap<string, RemoteStatus>): Snapshot {
  return new Map([...statuses].map(([name, status]) => [name, status.ok ? status.version : null]));
}

export interface DownTracker {
  /** When each remote was first seen down in the current outage. */
  downSince: Map<string, number>;
  /** Remotes seen down since the current worker started. */
  seenDown: Set<string>;
}

export function trackDowns(tracker: DownTracker, statuses: ReadonlyMap<string, RemoteStatus>, now: number): void {
  for (const [name, status] of statuses) {
    if (status.ok) {
      tracker.downSince.delete(name);
    } else {
      tracker.seenDown.add(name);
      if (!tracker.downSince.has(name)) tracker.downSince.set(name, now);
    }
  }
}

/** Names of the remotes that call for a fresh worker. */
export function remotesToReload(
  snapshot: Snapshot,
  tracker: DownTracker,
  statuses: ReadonlyMap<string, RemoteStatus>,
  now: number,
  downAfterMs: number,
): string[] {
  const changed: string[] = [];
  for (const [name, status] of statuses) {
    const loaded = snapshot.get(name) ?? null;
    if (status.ok) {
      if (loaded !== status.version || tracker.seenDown.has(name)) changed.push(name);
    } else if (loaded !== null && now - (tracker.downSince.get(name) ?? now) >= downAfterMs) {
      changed.push(name);
    }
  }
  return changed;
}
