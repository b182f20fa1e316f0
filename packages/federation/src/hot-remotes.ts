/**
 * Dev only: a remote app's new code reaches a running host without a fresh
 * server and without a full page reload. The host drops what it holds of that
 * remote (the Module Federation runtime's container, webpack's cached remote
 * modules, the chunks the old container loaded), and every remote part
 * re-renders from a new "generation": host state stays, only remote subtrees
 * remount.
 *
 * Signals: on the server, the proxy tells the worker each remote's version on
 * every request (a header); in the browser, the host's proxy pushes
 * "remote changed" events (Server-Sent Events). In production none of this
 * runs: a changed remote gets a fresh worker (see server/supervisor).
 */
import { useSyncExternalStore } from 'react';
import { apps, currentOrigins } from './apps';
import { REMOTE_EVENTS_PATH, REMOTE_VERSIONS_HEADER } from './header-names';
import { remoteEntryUrl } from './origins';
import { hostInstance } from './instance';
import { containerName } from './registry';
import { versionsFromHeader, type RemoteVersions } from './remote-versions';
import { forgetManifests } from './runtime/manifest-cache';
import { rendersReport } from './runtime/remote-state';

interface RemotesRuntime {
  idToRemoteMap?: Record<string, { name: string }[]>;
  idToExternalAndNameMapping?: Record<string, { p?: unknown }>;
}

interface WebpackRequire {
  c?: Record<string, unknown>;
  federation?: { bundlerRuntimeOptions?: { remotes?: RemotesRuntime } };
}

declare const __webpack_require__: WebpackRequire;

interface HotState {
  generation: number;
  listeners: Set<() => void>;
  /** Server: each remote's version as the last request said. */
  versions: RemoteVersions;
  /** Server: the version a fallback was last dropped for (once per version). */
  retried: RemoteVersions;
  listening: boolean;
}

const HOT = Symbol.for('repo.federation.hot-remotes');

// One state per page or process, whichever bundle (host or remote container) asks.
function hot(): HotState {
  const global = globalThis as typeof globalThis & { [HOT]?: HotState };
  return (global[HOT] ??= { generation: 0, listeners: new Set(), versions: {}, retried: {}, listening: false });
}

const isDev = process.env.NODE_ENV === 'development';

/** Bumps with every remote change: remote parts pick their lazy component by it. */
export function remoteGeneration(): number {
  return hot().generation;
}

export function useRemoteGeneration(): number {
  const state = hot();
  const subscribe = (listener: () => void) => {
    state.listeners.add(listener);
    return () => state.listeners.delete(listener);
  };
  // The server renders with its own current generation; the value never shows in markup.
  return useSyncExternalStore(subscribe, remoteGeneration, remoteGeneration);
}

/** Drops everything this host holds of `app`'s code, so the next load fetches it afresh. */
function forgetRemote(app: string): void {
  const container = containerName(app);
  const remotes = __webpack_require__.federation?.bundlerRuntimeOptions?.remotes;
  for (const [id, infos] of Object.entries(remotes?.idToRemoteMap ?? {})) {
    if (!infos.some((info) => info.name === container)) continue;
    const data = remotes?.idToExternalAndNameMapping?.[id];
    if (data) delete data.p;
    if (__webpack_require__.c) delete __webpack_require__.c[id];
  }
  if (typeof window !== 'undefined') {
    // The new container would take the old one's loaded chunks from this shared array.
    const loaded = (window as unknown as Record<string, unknown>)[`webpackChunk${container}`];
    if (Array.isArray(loaded)) loaded.length = 0;
  }
  const origin = currentOrigins()[app];
  if (!origin) return;
  forgetManifests(origin);
  const entry = remoteEntryUrl(origin, typeof window === 'undefined' ? 'server' : 'browser');
  hostInstance().registerRemotes([{ name: container, entry }], { force: true });
}

function bump(changed: string[]): void {
  if (changed.length === 0) return;
  for (const app of changed) forgetRemote(app);
  const state = hot();
  state.generation += 1;
  for (const listener of state.listeners) listener();
}

/**
 * Server, dev: called at the start of every page request with the proxy's
 * header. Drops a remote whose version changed, and one that is up again
 * while this worker renders its fallback.
 */
export function refreshChangedRemotes(header: string | string[] | undefined): void {
  if (!isDev) return;
  const versions = versionsFromHeader(header);
  if (!versions) return;
  const state = hot();
  const renders = rendersReport();
  const changed: string[] = [];
  for (const [app, version] of Object.entries(versions)) {
    const known = app in state.versions;
    const before = state.versions[app];
    state.versions[app] = version;
    if (version === null) continue;
    if (known && before !== version) changed.push(app);
    else if (renders[app] === 'fallback' && state.retried[app] !== version) {
      state.retried[app] = version;
      changed.push(app);
    }
  }
  bump(changed);
}

/** Browser, dev: listens to the host's proxy for remote changes, once per page. */
export function listenForRemoteChanges(): void {
  if (!isDev || typeof window === 'undefined' || typeof EventSource === 'undefined') return;
  const state = hot();
  if (state.listening) return;
  state.listening = true;
  const known = new Set(apps.map((app) => app.name));
  const events = new EventSource(REMOTE_EVENTS_PATH);
  events.addEventListener('remote', (event) => {
    const { name } = JSON.parse((event as MessageEvent<string>).data) as { name: string };
    if (known.has(name)) bump([name]);
  });
}

export { REMOTE_VERSIONS_HEADER };
