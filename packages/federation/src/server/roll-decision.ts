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

/** Fresh workers started so far for a remote that is up but rendered as its fallback, per remote version. */
export type FallbackRetries = Map<string, { version: string | null; count: number }>;

/** After this many fresh workers for the same remote version, keep the fallback and report it. */
export const MAX_FALLBACK_RETRIES = 3;

/**
 * Remotes that are up while the serving worker renders their fallback (it
 * loaded them while they were starting, say): a fresh worker should render
 * them. Bounded per remote version, so a remote that serves broken code does
 * not make its hosts start workers forever.
 */
export function remotesUpButFallback(
  statuses: ReadonlyMap<string, RemoteStatus>,
  renders: Readonly<Record<string, string>>,
  retries: FallbackRetries,
): string[] {
  const names: string[] = [];
  for (const [name, status] of statuses) {
    if (!status.ok || renders[name] !== 'fallback') continue;
    const tried = retries.get(name);
    const count = tried && tried.version === status.version ? tried.count : 0;
    if (count < MAX_FALLBACK_RETRIES) names.push(name);
  }
  return names;
}

export function noteFallbackRetry(retries: FallbackRetries, name: string, version: string | null): void {
  const tried = retries.get(name);
  retries.set(name, { version, count: tried && tried.version === version ? tried.count + 1 : 1 });
}
