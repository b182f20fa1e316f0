/**
 * The registry as every bundle sees it at run time. next-config.ts inlines it
 * (through Next's `env`) when the app is built, so remote modules carry the
 * registry of the build they came from.
 */
import { originsFromEnv, type Origins } from './origins';
import type { PublicAppEntry } from './registry';

export const registry: PublicAppEntry[] = JSON.parse(process.env.FEDERATION_APPS ?? '[]');

/** The app whose build this module is part of. */
export const selfName: string = process.env.FEDERATION_SELF ?? '';

// A server's origins are fixed when it starts: read (and checked) once, not per request.
let serverOrigins: Origins | undefined;

/** Origins of all apps: from env on the server, from the page on the browser. */
export function currentOrigins(): Origins {
  if (typeof window !== 'undefined') {
    return window.__FEDERATION_ORIGINS__ ?? originsFromEnv(registry, {});
  }
  serverOrigins ??= originsFromEnv(registry, process.env);
  return serverOrigins;
}

export function originOf(appName: string): string {
  const origin = currentOrigins()[appName];
  if (!origin) throw new Error(`No app named "${appName}" in the federation registry.`);
  return origin;
}
