/**
 * Module Federation runtime plugin of server builds only (next-config.ts adds
 * it beside origins-plugin.ts): every call to another app is bounded and
 * authenticated (server-fetch), and a remote's stack frames print safely.
 * Kept out of browser builds, where its Node-only code would cost bytes on
 * every page (a `process` polyfill among them).
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { currentOrigins, registry, selfName } from '../runtime-registry';
import { DEFAULT_REMOTE_TIMEOUT_MS, installServerFetch } from './server-fetch';
import { tolerateRemoteStackFrames } from './stack-frames';

// Already checked at server start (supervisor settings); unset means the default.
function serverTimeoutMs(): number {
  return Number(process.env.FEDERATION_REMOTE_TIMEOUT_MS) || DEFAULT_REMOTE_TIMEOUT_MS;
}

export default function serverPlugin(): ModuleFederationRuntimePlugin {
  const origins = currentOrigins();
  const remotes = Object.fromEntries(
    registry.filter((app) => app.name !== selfName).map((app) => [origins[app.name] as string, app.name]),
  );
  installServerFetch({
    timeoutMs: serverTimeoutMs(),
    secret: process.env.FEDERATION_SSR_SECRET || undefined,
    remotes,
    ownOrigin: origins[selfName],
    ownServer: process.env.FEDERATION_WORKER_ORIGIN || undefined,
  });
  tolerateRemoteStackFrames();
  return { name: 'repo-federation-server' };
}
