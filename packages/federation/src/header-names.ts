/** Request headers between an app's proxy, its worker and other apps' servers. */

/** Carries FEDERATION_SSR_SECRET on every fetch of another app's server code. */
export const SECRET_HEADER = 'x-federation-secret';

/** The proxy's per-request Content-Security-Policy nonce, for _document. */
export const NONCE_HEADER = 'x-csp-nonce';

/** Worker -> its proxy, on every page: what the worker renders of each remote (stripped before the client). */
export const RENDERS_HEADER = 'x-federation-renders';

/** Proxy -> its worker, every request: each remote's current version (see hot-remotes, remote-versions). */
export const REMOTE_VERSIONS_HEADER = 'x-federation-remote-versions';

/** Dev only: where a host's proxy streams "remote changed" events to its pages (see hot-remotes). */
export const REMOTE_EVENTS_PATH = '/_federation/remote-events';

/** On an app's entry files (production): the build that serves them, which hosts use as its version. */
export const BUILD_HEADER = 'x-federation-build';

/** On the proxy's 503 while no worker serves yet: the app is starting, which a caller may tell from a failure. */
export const STARTING_HEADER = 'x-federation-starting';
