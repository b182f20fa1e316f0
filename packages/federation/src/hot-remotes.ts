/**
 * Dev only: a remote app's new code, or the remote coming back after it was
 * down, reaches a running host without a fresh server and without a full page
 * reload. The host drops what it holds of that remote (the Module Federation
 * runtime's container in every instance, webpack's cached remote modules in
 * every bundle, the chunks the old container loaded), and every remote part
 * re-renders from a new "generation": host state stays, only remote subtrees
 * remount.
 *
 * Signals: on the server, the proxy tells the worker each remote's version on
 * every request (a header); in the browser, the host's proxy pushes
 * "remote changed" events (Server-Sent Events). In production none of this
 * runs: a changed remote gets a fresh worker (see server/supervisor).
 */
import { useSyncExternalStore } from 'react';
import { registry, currentOrigins, selfName } from './runtime-registry';
import { REMOTE_EVENTS_PATH, REMOTE_VERSIONS_HEADER } from './header-names';
import { remoteEntryUrl } from './origins';
import { federationInstances } from './instance';
import { containerName } from './registry';
import { versionsFromHeader, type RemoteVersions } from './remote-versions';
import { forgetManifests } from './runtime/manifest-cache';
import { forgetLoads, markAnswered, rendersReport } from './runtime/remote-state';

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
  /**
   * Per bundle (app build) running here, the function that drops that bundle's cached remote
   * modules: a container's code imports remotes too (home's page imports shop's API client)
   * and keeps what it loaded, a failure included, in its own webpack module cache.
   */
  forgetters: Map<string, (container: string) => void>;
  listeners: Set<() => void>;
  /** Server: each remote's version as the last request said. */
  versions: RemoteVersions;
  /** Server: when a fallback of a remote that is up was last dropped (retried at most every RETRY_FALLBACK_MS). */
  retried: Record<string, number>;
  listening: boolean;
  /** Browser: remote loads in flight, and the remotes announced changed meanwhile (see announced). */
  loading: number;
  waiting: Set<string>;
  waitTimer: ReturnType<typeof setTimeout> | null;
}

const HOT = Symbol.for('repo.federation.hot-remotes');

// One state per page or process, whichever bundle (host or remote container) asks.
function hot(): HotState {
  const global = globalThis as typeof globalThis & { [HOT]?: HotState };
  return (global[HOT] ??= {
    generation: 0,
    forgetters: new Map(),
    listeners: new Set(),
    versions: {},
    retried: {},
    listening: false,
    loading: 0,
    waiting: new Set(),
    waitTimer: null,
  });
}

const isDev = process.env.NODE_ENV === 'development';

/**
 * A remote that is up may still fail its first load here (it answers its entry while it compiles
 * the chunk asked for, a call times out on a busy machine): its fallback is retried, not kept for
 * the whole version, but at most this often, so a remote serving broken code is not refetched per request.
 */
const RETRY_FALLBACK_MS = 2_000;

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

/** Drops this bundle's cached modules of `container` (webpack's module cache and its remote loading state). */
function forgetInThisBundle(container: string): void {
  const remotes = __webpack_require__.federation?.bundlerRuntimeOptions?.remotes;
  for (const [id, infos] of Object.entries(remotes?.idToRemoteMap ?? {})) {
    if (!infos.some((info) => info.name === container)) continue;
    const data = remotes?.idToExternalAndNameMapping?.[id];
    if (data) delete data.p;
    if (__webpack_require__.c) delete __webpack_require__.c[id];
  }
}

// The newest copy of each bundle's code registers itself (a reloaded container replaces its old copy).
if (isDev) hot().forgetters.set(selfName, forgetInThisBundle);

/** Drops everything this host holds of `app`'s code, so the next load fetches it afresh. */
function forgetRemote(app: string): void {
  const container = containerName(app);
  for (const forget of hot().forgetters.values()) forget(container);
  if (typeof window !== 'undefined') {
    // The new container would take the old one's loaded chunks from this shared array.
    const loaded = (window as unknown as Record<string, unknown>)[`webpackChunk${container}`];
    if (Array.isArray(loaded)) loaded.length = 0;
  }
  const origin = currentOrigins()[app];
  if (!origin) return;
  forgetManifests(origin);
  forgetLoads(app);
  // The breaker (remote-state) may still be open from the outage: the reload would fail at once
  // and render the fallback again. The proxy has just seen the remote answer.
  markAnswered(app);
  const entry = remoteEntryUrl(origin, typeof window === 'undefined' ? 'server' : 'browser');
  // Every instance that loaded it holds its container: the host's and other containers' (home's loads shop's).
  for (const instance of federationInstances()) {
    if (instance.options.remotes.some((remote) => remote.name === container)) {
      instance.registerRemotes([{ name: container, entry }], { force: true });
    }
  }
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
 * header. Drops a remote whose version changed (an edit, or back after an
 * outage: its version was null meanwhile), and one that is up while this
 * worker still renders its fallback.
 */
export function refreshChangedRemotes(header: string | string[] | undefined, now = Date.now()): void {
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
    else if (renders[app] === 'fallback' && now - (state.retried[app] ?? 0) >= RETRY_FALLBACK_MS) {
      state.retried[app] = now;
      changed.push(app);
    }
  }
  bump(changed);
}

/**
 * Browser: a remote's chunks go into one array per remote (`webpackChunk<name>`), which every copy
 * of its code reads. A load still in flight when new code is announced would push its old chunks into
 * the array the new container starts from, and the tab would keep the old code for good (two saves in
 * quick succession did that). So an announced change waits until no remote load is in flight (at
 * most LOAD_WAIT_MS, for a remote that hangs; a slow one on a busy machine settles well within it),
 * then loads afresh: the last change always wins.
 */
const LOAD_WAIT_MS = 15_000;

/** Counts `load` as in flight until it settles (browser, dev; elsewhere returns it as is). */
export function trackLoad<T>(load: Promise<T>): Promise<T> {
  if (!isDev || typeof window === 'undefined') return load;
  const state = hot();
  state.loading += 1;
  return load.finally(() => {
    state.loading -= 1;
    if (state.loading === 0 && state.waiting.size > 0) applyWaiting();
  });
}

function applyWaiting(): void {
  const state = hot();
  if (state.waitTimer) clearTimeout(state.waitTimer);
  state.waitTimer = null;
  const apps = [...state.waiting];
  state.waiting.clear();
  bump(apps);
}

function announced(app: string): void {
  const state = hot();
  state.waiting.add(app);
  if (state.loading === 0) return applyWaiting();
  state.waitTimer ??= setTimeout(applyWaiting, LOAD_WAIT_MS);
}

/** Browser, dev: listens to the host's proxy for remote changes, once per page. */
export function listenForRemoteChanges(): void {
  if (!isDev || typeof window === 'undefined' || typeof EventSource === 'undefined') return;
  const state = hot();
  if (state.listening) return;
  state.listening = true;
  const known = new Set(registry.map((app) => app.name));
  const events = new EventSource(REMOTE_EVENTS_PATH);
  events.addEventListener('remote', (event) => {
    const { name } = JSON.parse((event as MessageEvent<string>).data) as { name: string };
    if (known.has(name)) announced(name);
  });
}

export { REMOTE_VERSIONS_HEADER };
