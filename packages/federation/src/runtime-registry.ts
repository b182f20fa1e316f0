/**
 * The registry as every bundle sees it at run time. next-config.ts inlines it
 * (through Next's `env`) when the app is built, so remote modules carry the
 * registry of the build they came from.
 */
import { defaultOrigin, originsFromEnv, type Origins } from './origins';
import type { PublicAppEntry } from './registry';

export const registry: PublicAppEntry[] = JSON.parse(process.env.FEDERATION_APPS ?? '[]');

/** The app whose build this module is part of. */
export const selfName: string = process.env.FEDERATION_SELF ?? '';

/** Set on a server by its own `_document` (see claimServer): the app the process serves. */
const SERVER_KEY = '__FEDERATION_SERVER__';
type ServerGlobal = Record<typeof SERVER_KEY, string | undefined>;

/** Called by an app's `_document`, which only its own server loads: this process serves `selfName`. */
export function claimServer(): void {
  if (typeof window === 'undefined') (globalThis as unknown as ServerGlobal)[SERVER_KEY] = selfName;
}

/**
 * True while running on the named app's own server, whichever build the calling module came from: shop's
 * `products-api` on shop's server, not on home's (where it is shop's remote module) nor in a browser. Lets
 * an app's code read its own data directly there instead of calling its own API over HTTP.
 */
export function isServerOf(appName: string): boolean {
  return typeof window === 'undefined' && (globalThis as unknown as ServerGlobal)[SERVER_KEY] === appName;
}

// A server's origins are fixed when it starts: read (and checked) once, not per request.
let serverOrigins: Origins | undefined;

/**
 * Origins of all apps: from env on the server, from the page on the browser.
 * (The server branch is the one block: browser bundles drop it whole, with the
 * env checks and their messages.)
 */
export function currentOrigins(): Origins {
  if (typeof window === 'undefined') {
    serverOrigins ??= originsFromEnv(registry, process.env);
    return serverOrigins;
  }
  return window.__FEDERATION_ORIGINS__ ?? Object.fromEntries(registry.map((app) => [app.name, defaultOrigin(app)]));
}

export function originOf(appName: string): string {
  const origin = currentOrigins()[appName];
  if (!origin) throw new Error(`No app named "${appName}" in the federation registry.`);
  return origin;
}
