/**
 * What this server process knows of each remote app right now: whether its
 * code loaded (or fell back), and whether calls to it are failing. Kept on
 * `globalThis` because one process runs several bundles (the host's and each
 * remote container's), each with its own copy of this module.
 *
 * Two uses:
 * - failing fast: after a failed call, calls to that app fail at once for a
 *   short while instead of each waiting out a timeout (a circuit breaker);
 * - telling the truth: the proxy reads `rendersReport()` from every page the
 *   worker serves, so health says what the serving worker renders.
 */
export type Renders = 'remote' | 'fallback';

interface RemoteState {
  /**
   * Whether this app's code loaded here: false once any of its modules failed, and it stays false
   * when another of its modules loads later, because the failed one stays cached as its fallback
   * (home keeps shop's API client as a failure while shop's pages-map loads fine) until
   * `forgetLoads` (the host dropped the app's code) or a fresh process. Null: nothing loaded yet.
   */
  loaded: boolean | null;
  /** Until when calls fail at once (0: they go through). */
  openUntil: number;
  /** Set by a failed call, cleared by an answered one. */
  failing: boolean;
}

const STATE = Symbol.for('repo.federation.remote-state');
/** How long calls to an app fail at once after one failed; then one round goes through again. */
export const RETRY_AFTER_MS = 1_000;

function states(): Map<string, RemoteState> {
  const global = globalThis as typeof globalThis & { [STATE]?: Map<string, RemoteState> };
  return (global[STATE] ??= new Map());
}

function stateOf(app: string): RemoteState {
  let state = states().get(app);
  if (!state) {
    state = { loaded: null, openUntil: 0, failing: false };
    states().set(app, state);
  }
  return state;
}

export function markLoaded(app: string, loaded: boolean): void {
  const state = stateOf(app);
  state.loaded = loaded && state.loaded !== false;
}

/** The host dropped everything it held of the app's code: what loads next is what it renders. */
export function forgetLoads(app: string): void {
  stateOf(app).loaded = null;
}

/** A call to the app got no answer, timed out, or got a 5xx. */
export function markFailed(app: string, now = Date.now()): void {
  const state = stateOf(app);
  state.failing = true;
  state.openUntil = now + RETRY_AFTER_MS;
}

export function markAnswered(app: string): void {
  const state = stateOf(app);
  state.failing = false;
  state.openUntil = 0;
}

export function failsFast(app: string, now = Date.now()): boolean {
  return now < stateOf(app).openUntil;
}

/** The app's calls are failing now (its data and code render as fallbacks). */
export function isFailing(app: string): boolean {
  return stateOf(app).failing;
}

/** Per app this process has used: does it render the app, or its fallback? */
export function rendersReport(): Record<string, Renders> {
  const report: Record<string, Renders> = {};
  for (const [app, state] of states()) {
    if (state.loaded === null && !state.failing) continue;
    report[app] = state.loaded === false || state.failing ? 'fallback' : 'remote';
  }
  return report;
}

/** Thrown instead of calling an app whose calls just failed, or by a module of it that did not load. */
export class RemoteDownError extends Error {
  readonly code = 'FEDERATION_REMOTE_DOWN';
  constructor(what: string, why = `its last call failed less than ${RETRY_AFTER_MS} ms ago`) {
    super(`${what} is unavailable (${why})`);
    this.name = 'RemoteDownError';
  }
}

const BROWSER_NETWORK_ERRORS = ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'];

/** A failure to reach an app (as opposed to a bug in code that ran). */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof RemoteDownError || error.name === 'RemoteDownError') return true;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  // Node (undici): `fetch failed` with the socket error as its cause; browsers: their own words.
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (error.message === 'fetch failed') return typeof cause?.code === 'string';
  return error instanceof TypeError && BROWSER_NETWORK_ERRORS.includes(error.message);
}

/** An error that means `app` cannot be reached right now (an outage, not a bug in the code that ran). */
export function isDownError(app: string, error: unknown): boolean {
  return isUnreachable(error) || isFailing(app);
}
