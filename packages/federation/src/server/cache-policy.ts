/**
 * Next serves all of /_next/static as immutable for a year, including the
 * fixed-name federation entry files. Those change on every deploy of the app,
 * so they are revalidated, except where the URL names the build that serves
 * it: hosts name entries `remoteEntry.js?t=<build>` (see remote-versions), and
 * that URL's content never changes, so browsers keep it for good.
 * Content-hashed chunks keep Next's long cache.
 */
import { canonicalPath, decodeFully, pathOf } from './request-path';

// Matched on the canonical path (lower-cased, decoded, dot segments resolved): Next serves the same
// file for `%72emoteEntry.js` or `//_next/…`, and such a spelling must not get Next's year-long cache.
const ENTRY_FILES = /^\/_next\/static\/(ssr|chunks)\/(remoteentry\.js|mf-manifest\.json)$/;

const MAY_NAME_ENTRY = /%|remoteentry\.js|mf-manifest\.json/i;

export const REVALIDATE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True for a request target (path and query, as received) that reaches an entry file. */
export function isEntryFile(target: string): boolean {
  const path = pathOf(target);
  // Every document asks: a path with no escape and neither name in any case cannot reach an entry file.
  if (!MAY_NAME_ENTRY.test(path)) return false;
  const decoded = decodeFully(path);
  return decoded === null || ENTRY_FILES.test(canonicalPath(decoded));
}

/**
 * The Cache-Control to send instead of Next's, or null to keep Next's.
 * `build` is the serving build's id (null in dev, where nothing is kept).
 */
export function cacheControlFor(target: string, build: string | null): string | null {
  if (!isEntryFile(target)) return null;
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1).split('#', 1)[0] : '';
  const named = new URLSearchParams(query).getAll('t');
  return build !== null && named.length === 1 && named[0] === build ? IMMUTABLE : REVALIDATE;
}
