/**
 * On the server, every call to another app goes through the global fetch:
 * nextjs-mf fetches remote entries and chunks with it (its loader hook is not
 * used for the entry), flush-chunks fetches manifests, and remote API clients
 * fetch data. This wraps fetch for the registered apps' origins only:
 * - a bounded wait (FEDERATION_REMOTE_TIMEOUT_MS), so a hanging app cannot hold a page;
 * - fail fast: right after a failed call, calls to that app fail at once;
 * - server code: the trust credential, and a refusal of non-2xx answers
 *   (an error page is not code);
 * - API calls: answers the other app says may be kept are kept (response-cache);
 * - the app's own calls: straight to its worker (ownServer); its proxy's
 *   "starting up" answer is an outage of the moment (ownCall).
 */
import { SECRET_HEADER, STARTING_HEADER } from '../header-names';
import { isServerCodePath } from '../origins';
import { failsFast, markAnswered, markFailed, RemoteDownError } from './remote-state';
import { isShareableRequest, ResponseCache } from './response-cache';

const INSTALLED = Symbol.for('repo.federation.server-fetch');

/** FEDERATION_REMOTE_TIMEOUT_MS when unset: the longest wait for another app. */
export const DEFAULT_REMOTE_TIMEOUT_MS = 3_000;

export interface ServerFetchOptions {
  timeoutMs: number;
  secret: string | undefined;
  /** Origin -> app name of every other app: the calls this wrapper watches. */
  remotes: Record<string, string>;
  /** This app's own origin: its calls pass untouched, but for the "starting up" answer of its proxy. */
  ownOrigin?: string;
  /**
   * Where this worker itself listens (set by the supervisor): the app's own calls (its pages asking its
   * API) go straight there instead of out through its public origin and proxy and back.
   */
  ownServer?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The app's own API, called by one of its pages: while its first worker warms up (that warm-up
 * renders a page), its proxy answers "starting". That is an outage of the moment, not a bug.
 */
function ownCall(url: URL, response: Response): Response {
  if (response.status === 503 && response.headers.has(STARTING_HEADER)) {
    throw new RemoteDownError(url.origin, 'it is starting up');
  }
  return response;
}

/** The same request, addressed to this worker. */
function toOwnServer(input: string | URL | Request, url: URL, ownServer: string): string | Request {
  const target = `${ownServer}${url.pathname}${url.search}`;
  return input instanceof Request ? new Request(target, input) : target;
}

function withSecret(input: string | URL | Request, init: RequestInit | undefined, secret: string): Headers {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set(SECRET_HEADER, secret);
  return headers;
}

export function installServerFetch(options: ServerFetchOptions): void {
  const global = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  const plainFetch = globalThis.fetch;
  const cache = new ResponseCache();

  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = parse(url);
    const app = parsed ? options.remotes[parsed.origin] : undefined;
    const own = parsed !== null && parsed.origin === options.ownOrigin;
    if (!parsed || (!app && !own)) return plainFetch(input, init);
    if (!app) return ownCall(parsed, await plainFetch(options.ownServer ? toOwnServer(input, parsed, options.ownServer) : input, init));
    const serverCode = isServerCodePath(parsed.pathname);
    const call = () => callApp(app, url, serverCode, input, init);
    // Server code has its own caching (the federation runtime keeps each container).
    return !serverCode && isShareableRequest(input, init) ? cache.fetch(url, call) : call();
  };

  /** One call to another app: bounded, failing fast, the secret with server code only. */
  async function callApp(app: string, url: string, serverCode: boolean, input: string | URL | Request, init?: RequestInit): Promise<Response> {
    if (failsFast(app)) throw new RemoteDownError(app);
    const secret = serverCode ? options.secret : undefined;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await plainFetch(input, {
        ...init,
        ...(secret ? { headers: withSecret(input, init, secret) } : {}),
        signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
      });
    } catch (error) {
      markFailed(app);
      throw error;
    }
    if (response.status >= 500) markFailed(app);
    else markAnswered(app);
    if (serverCode && !response.ok) throw new Error(`${url} answered ${response.status}: not loading it as code`);
    return response;
  }
}
