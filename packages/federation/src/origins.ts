/**
 * Where each app lives, decided when a server starts (never at build time):
 * `<NAME>_ORIGIN` if set, else http://localhost:<registry port>. The browser gets
 * the server's answer through `window.__FEDERATION_ORIGINS__` (see document.tsx).
 */
import type { PublicAppEntry } from './registry';

export type Origins = Record<string, string>;

declare global {
  interface Window {
    __FEDERATION_ORIGINS__?: Origins;
  }
}

/** `shop` -> `SHOP_ORIGIN`, `gift-cards` -> `GIFT_CARDS_ORIGIN`. */
export function originEnvVar(appName: string): string {
  return `${appName.toUpperCase().replace(/-/g, '_')}_ORIGIN`;
}

export class OriginError extends Error {}

/** Where an app is when nothing says otherwise: its registry port on this machine. */
export function defaultOrigin(app: Pick<PublicAppEntry, 'port'>): string {
  return `http://localhost:${app.port}`;
}

/** Reads and checks every app's origin from an environment. */
export function originsFromEnv(
  apps: Pick<PublicAppEntry, 'name' | 'port'>[],
  env: Record<string, string | undefined>,
): Origins {
  const origins: Origins = {};
  for (const app of apps) {
    const variable = originEnvVar(app.name);
    const raw = env[variable];
    origins[app.name] = raw === undefined || raw === '' ? defaultOrigin(app) : parseOrigin(variable, raw);
  }
  return origins;
}

function parseOrigin(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OriginError(`${variable}="${raw}" is not a URL: set it to an http(s) origin such as http://localhost:4002.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OriginError(`${variable}="${raw}" must use http or https, e.g. http://localhost:4002.`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new OriginError(`${variable}="${raw}" must be an origin without a path, e.g. ${url.origin}.`);
  }
  return url.origin;
}

/** Where an app serves its server code (the browser code is under /_next/static/chunks/). */
export const SERVER_CODE_PREFIX = '/_next/static/ssr/';

export function isServerCodePath(pathname: string): boolean {
  return pathname.startsWith(SERVER_CODE_PREFIX);
}

/** The remote entry of an app: the server build for Node, the browser build for browsers. */
export function remoteEntryUrl(origin: string, target: 'server' | 'browser'): string {
  return `${origin}${target === 'server' ? SERVER_CODE_PREFIX : '/_next/static/chunks/'}remoteEntry.js`;
}
