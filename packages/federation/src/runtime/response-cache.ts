/**
 * A shared HTTP cache for a server's calls to other apps' APIs. Only the owner
 * of some data reads it in-process; every other app renders it through the
 * owner's API, and without a cache pays that call on every render. When the
 * owner's answer says it may be kept (`Cache-Control: max-age` / `s-maxage`,
 * read as a shared cache by http-cache-semantics), the server keeps it that
 * long, and concurrent renders asking for the same URL share one call. The
 * owner decides: an answer without a lifetime is never kept.
 */
import CachePolicy from 'http-cache-semantics';
import { KeptResponse, type KeptAnswer } from './kept-response';

interface Entry extends KeptAnswer {
  /** Date.now() until which the answer is fresh (the askers send no headers of their own, so time alone decides). */
  freshUntil: number;
}

export interface ResponseCacheLimits {
  /** All kept bodies together; the least recently used go first. */
  maxBytes: number;
  /** A larger body is passed on and not kept. */
  maxEntryBytes: number;
}

/** Fits a catalogue's pages many times over while bounding a server's memory. */
export const DEFAULT_CACHE_LIMITS: ResponseCacheLimits = { maxBytes: 8 * 1024 * 1024, maxEntryBytes: 1024 * 1024 };

/** What the cache may answer for: a plain GET with nothing of the caller's own in it. */
export function isShareableRequest(input: string | URL | Request, init: RequestInit | undefined): boolean {
  if (input instanceof Request) return false;
  if (!init) return true;
  const method = (init.method ?? 'GET').toUpperCase();
  const bypass = init.cache === 'no-store' || init.cache === 'no-cache' || init.cache === 'reload';
  return method === 'GET' && !init.body && !init.headers && !bypass;
}

const toResponse = (entry: Entry): Response => new KeptResponse(entry);

export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  /** Calls on their way, so that concurrent askers wait for one answer (null: not kept, ask yourself). */
  readonly #pending = new Map<string, Promise<Entry | null>>();
  #bytes = 0;

  constructor(private readonly limits: ResponseCacheLimits = DEFAULT_CACHE_LIMITS) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The answer for `url`: kept and fresh, shared with a call on its way, or from `load` (the real call). */
  async fetch(url: string, load: () => Promise<Response>): Promise<Response> {
    const kept = this.#fresh(url);
    if (kept) return toResponse(kept);
    const pending = this.#pending.get(url);
    if (pending) {
      const shared = await pending;
      return shared ? toResponse(shared) : load();
    }

    let settle: (entry: Entry | null) => void = () => {};
    this.#pending.set(url, new Promise((resolve) => (settle = resolve)));
    let entry: Entry | null = null;
    try {
      const response = await load();
      const headers = Object.fromEntries(response.headers);
      const policy = new CachePolicy({ url, method: 'GET', headers: {} }, { status: response.status, headers }, { shared: true });
      if (!this.#mayKeep(policy, response)) return response;
      const body = await response.arrayBuffer();
      const read: Entry = {
        freshUntil: Date.now() + policy.timeToLive(),
        status: response.status,
        statusText: response.statusText,
        headers: policy.responseHeaders() as Record<string, string>,
        body,
      };
      if (body.byteLength > this.limits.maxEntryBytes) return toResponse(read);
      entry = read;
      this.#keep(url, entry);
      return toResponse(entry);
    } finally {
      this.#pending.delete(url);
      settle(entry);
    }
  }

  /**
   * What the answer allows a shared cache, and what our askers allow: they send no headers, so any `Vary`
   * but `*` matches them all alike; an answer that sets a cookie is someone's own.
   */
  #mayKeep(policy: CachePolicy, response: Response): boolean {
    const declaredBytes = Number(response.headers.get('content-length') ?? 0);
    return (
      policy.storable() &&
      policy.timeToLive() > 0 &&
      !response.headers.has('set-cookie') &&
      !(response.headers.get('vary') ?? '').includes('*') &&
      declaredBytes <= this.limits.maxEntryBytes
    );
  }

  #fresh(url: string): Entry | null {
    const entry = this.#entries.get(url);
    if (!entry) return null;
    this.#drop(url, entry);
    if (Date.now() >= entry.freshUntil) return null;
    this.#entries.set(url, entry); // most recently used last
    this.#bytes += entry.body.byteLength;
    return entry;
  }

  #keep(url: string, entry: Entry): void {
    const previous = this.#entries.get(url);
    if (previous) this.#drop(url, previous);
    this.#entries.set(url, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, kept] of this.#entries) {
      if (this.#bytes <= this.limits.maxBytes) break;
      this.#drop(oldest, kept);
    }
  }

  #drop(url: string, entry: Entry): void {
    this.#entries.delete(url);
    this.#bytes -= entry.body.byteLength;
  }
}
