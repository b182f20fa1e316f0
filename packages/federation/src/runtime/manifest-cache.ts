/**
 * `flushChunks()` fetches every used remote's `mf-manifest.json` on every
 * server render, to find the module's JS and CSS files: one more round trip
 * per remote per page. A worker's remote code does not change while it runs
 * (production swaps in a fresh worker; dev drops a remote's manifest with its
 * code, see hot-remotes), so the manifest it read first stays right for it.
 */
const MANIFEST_PATH = /^\/_next\/static\/chunks\/mf-manifest\.json$/;
const CACHE = Symbol.for('repo.federation.manifest-cache');

// Per process, whichever bundle (host or remote container) asks.
function cache(): Map<string, string> {
  const global = globalThis as typeof globalThis & { [CACHE]?: Map<string, string> };
  return (global[CACHE] ??= new Map());
}

export function isManifest(url: URL): boolean {
  return MANIFEST_PATH.test(url.pathname);
}

export function cachedManifest(url: URL): string | undefined {
  return cache().get(url.origin + url.pathname);
}

export function keepManifest(url: URL, body: string): void {
  cache().set(url.origin + url.pathname, body);
}

/** Dev: a remote's new code comes with a new manifest. */
export function forgetManifests(origin: string): void {
  for (const key of cache().keys()) if (key.startsWith(`${origin}/`)) cache().delete(key);
}
