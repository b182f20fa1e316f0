/**
 * On the server, nextjs-mf fetches a remote's entry and chunks with the global
 * fetch (its loader hook is not used for the entry), then runs whatever text
 * came back. This wraps fetch for those URLs only: a bounded wait, a refusal
 * of non-2xx answers (an error page is not code), and the trust credential.
 */
import { SECRET_HEADER } from '../header-names';
import { isServerCodePath } from '../origins';

const INSTALLED = Symbol.for('repo.federation.server-fetch');

/** FEDERATION_REMOTE_TIMEOUT_MS when unset: the longest wait for a remote's server code. */
export const DEFAULT_REMOTE_TIMEOUT_MS = 3_000;

export interface ServerFetchOptions {
  timeoutMs: number;
  secret: string | undefined;
}

function isServerCodeUrl(url: string): boolean {
  try {
    return isServerCodePath(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function installServerFetch(options: ServerFetchOptions): void {
  const global = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  const plainFetch = globalThis.fetch;

  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!isServerCodeUrl(url)) return plainFetch(input, init);
    const headers = new Headers(init?.headers);
    if (options.secret) headers.set(SECRET_HEADER, options.secret);
    const response = await plainFetch(input, {
      ...init,
      headers,
      signal: init?.signal ?? AbortSignal.timeout(options.timeoutMs),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}: not loading it as code`);
    return response;
  };
}
