/**
 * Next serves all of /_next/static as immutable for a year, including the
 * fixed-name federation entry files. Those change on every deploy of the app,
 * so they must be revalidated; content-hashed chunks keep the long cache.
 */
const ENTRY_FILES = /^\/_next\/static\/(ssr|chunks)\/(remoteEntry\.js|mf-manifest\.json)$/;

export const REVALIDATE = 'no-cache';

/** The Cache-Control to send instead of Next's, or null to keep Next's. */
export function cacheControlFor(pathname: string): string | null {
  return ENTRY_FILES.test(pathname) ? REVALIDATE : null;
}
