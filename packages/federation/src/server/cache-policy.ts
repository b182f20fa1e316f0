/**
 * Next serves all of /_next/static as immutable for a year, including the
 * fixed-name federation entry files. Those change on every deploy of the app,
 * so they are revalidated, except where the URL names the build that serves
 * it: hosts name entries `remoteEntry.js?t=<build>` (see remote-versions), and
 * that URL's content never changes, so browsers keep it for good.
 * Content-hashed chunks keep Next's long cache.
 */
const ENTRY_FILES = /^\/_next\/static\/(ssr|chunks)\/(remoteEntry\.js|mf-manifest\.json)$/;

export const REVALIDATE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function isEntryFile(pathname: string): boolean {
  return ENTRY_FILES.test(pathname);
}

/**
 * The Cache-Control to send instead of Next's, or null to keep Next's.
 * `build` is the serving build's id (null in dev, where nothing is kept).
 */
export function cacheControlFor(pathname: string, search: string, build: string | null): string | null {
  if (!isEntryFile(pathname)) return null;
  const named = new URLSearchParams(search).get('t');
  return build !== null && named === build ? IMMUTABLE : REVALIDATE;
}
