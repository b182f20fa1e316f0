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
