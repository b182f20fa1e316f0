/**
 * Each remote's `mf-manifest.json` (which files each exposed module needs),
 * read once per worker: a worker's remote code does not change while it runs
 * (production swaps in a fresh worker; dev drops a remote's manifest with its
 * code, see hot-remotes), so the manifest it read first stays right for it.
 * nextjs-mf's flushChunks fetched and parsed it on every render (a profile of
 * a worker under load: ~5% of its CPU in JSON parsing and response streams).
 */

/** What flush-chunks reads of a manifest. */
export interface Manifest {
  exposes: { name: string; path?: string; assets: { js: { sync: string[] }; css: { sync: string[] } } }[];
}

const MANIFEST_PATH = '/_next/static/chunks/mf-manifest.json';
const CACHE = Symbol.for('repo.federation.manifest-cache');

// Per process, whichever bundle (host or remote container) asks.
function cache(): Map<string, Promise<Manifest>> {
  const global = globalThis as typeof globalThis & { [CACHE]?: Map<string, Promise<Manifest>> };
  return (global[CACHE] ??= new Map());
}

async function read(origin: string): Promise<Manifest> {
  // The global fetch: on a server, bounded and fail-fast for other apps (server-fetch).
  const response = await fetch(`${origin}${MANIFEST_PATH}`);
  if (!response.ok) throw new Error(`${origin}${MANIFEST_PATH} answered ${response.status}`);
  return (await response.json()) as Manifest;
}

/** The app's manifest, read once; a failed read is not kept (the next render tries again). */
export function manifestOf(origin: string): Promise<Manifest> {
  let kept = cache().get(origin);
  if (!kept) {
    kept = read(origin);
    cache().set(origin, kept);
    kept.catch(() => cache().get(origin) === kept && cache().delete(origin));
  }
  return kept;
}

/** Dev: a remote's new code comes with a new manifest. */
export function forgetManifests(origin: string): void {
  cache().delete(origin);
}
