/**
 * Module Federation runtime plugin, bundled into every app's server and browser
 * builds. The remotes in the build point at placeholder origins; this plugin
 * points them at the origins the serving process was started with, bounds and
 * authenticates server-side fetches of remote code, and turns a remote that
 * fails to load into a marked module that renders a fallback.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { apps, currentOrigins } from '../apps';
import { remoteEntryUrl } from '../origins';
import { containerName } from '../registry';
import { unavailableModule } from '../unavailable';
import { DEFAULT_REMOTE_TIMEOUT_MS, installServerFetch } from './server-fetch';

function entryFor(remoteName: string): string | null {
  const app = apps.find((candidate) => containerName(candidate.name) === remoteName);
  if (!app) return null;
  const origin = currentOrigins()[app.name];
  if (!origin) return null;
  return remoteEntryUrl(origin, typeof window === 'undefined' ? 'server' : 'browser');
}

// Already checked at server start (supervisor settings); unset means the default.
function serverTimeoutMs(): number {
  return Number(process.env.FEDERATION_REMOTE_TIMEOUT_MS) || DEFAULT_REMOTE_TIMEOUT_MS;
}

export default function originsPlugin(): ModuleFederationRuntimePlugin {
  if (typeof window === 'undefined') {
    installServerFetch({ timeoutMs: serverTimeoutMs(), secret: process.env.FEDERATION_SSR_SECRET || undefined });
  }
  return {
    name: 'repo-federation-origins',
    beforeRegisterRemote(args) {
      const entry = entryFor(args.remote.name);
      if (entry && 'entry' in args.remote) args.remote.entry = entry;
      return args;
    },
    errorLoadRemote(args) {
      if (args.lifecycle === 'beforeRequest') return undefined;
      console.error(`[federation] ${args.id} is unavailable:`, (args.error as Error)?.message ?? args.error);
      const failover = unavailableModule(args.id);
      return args.from === 'build' ? () => failover : failover;
    },
  };
}
