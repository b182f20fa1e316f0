/**
 * Production pages name each remote's browser entry with the remote's build,
 * `remoteEntry.js?t=<build>`: the remote serves that URL as immutable (see
 * server/cache-policy), so a repeat visit downloads no entry, while a
 * redeployed remote gets a new URL on the next page load. nextjs-mf leaves a
 * `t=` it finds alone (otherwise it appends `t=<now>`, which defeats caching).
 *
 * The host's proxy knows every remote's build from its remote watch and tells
 * its worker on each request (a header); _document hands them to the page.
 */
/** App name -> its current version, null while it does not answer. */
export type RemoteVersions = Record<string, string | null>;

declare global {
  interface Window {
    __FEDERATION_VERSIONS__?: RemoteVersions;
  }
}

/** The proxy's header as sent to the worker; anything unreadable is no versions. */
export function versionsFromHeader(header: string | string[] | undefined): RemoteVersions | null {
  if (typeof header !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(header);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return Object.fromEntries(
      Object.entries(parsed).map(([app, version]) => [app, typeof version === 'string' ? version : null]),
    );
  } catch {
    return null;
  }
}

/** The versions this page was served with (browser; none in dev or on the server). */
export function pageVersions(): RemoteVersions {
  return typeof window === 'undefined' ? {} : (window.__FEDERATION_VERSIONS__ ?? {});
}

/** `…/remoteEntry.js?t=<version>`, or the entry as is when the version is unknown. */
export function versionedEntry(entry: string, version: string | null | undefined): string {
  if (!version) return entry;
  return `${entry}${entry.includes('?') ? '&' : '?'}t=${encodeURIComponent(version)}`;
}
