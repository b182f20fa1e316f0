/**
 * Module Federation runtime plugin, bundled into every app's server and browser
 * builds. The remotes in the build point at placeholder origins; this plugin
 * points them at the origins the serving process was started with, bounds and
 * authenticates server-side calls to other apps, turns a remote that fails to
 * load into a marked module that renders a fallback, and records what loaded.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { registry, currentOrigins, selfName } from '../runtime-registry';
import { remoteEntryUrl } from '../origins';
import { containerName } from '../registry';
import { pageVersions, versionedEntry } from '../remote-versions';
import { fallbackModule } from '../fallback-module';
import { markLoaded } from './remote-state';
import { DEFAULT_REMOTE_TIMEOUT_MS, installServerFetch } from './server-fetch';
import { tolerateRemoteStackFrames } from './stack-frames';

/** `shop/product-card` or container `gift_cards` -> the app's name. */
function appOf(remoteOrId: string): string | undefined {
  const container = remoteOrId.split('/')[0];
  return registry.find((candidate) => containerName(candidate.name) === container)?.name;
}

function entryFor(remoteName: string): string | null {
  const app = appOf(remoteName);
  const origin = app ? currentOrigins()[app] : undefined;
  if (!app || !origin) return null;
  if (typeof window === 'undefined') return remoteEntryUrl(origin, 'server');
  return versionedEntry(remoteEntryUrl(origin, 'browser'), pageVersions()[app]);
}

// Already checked at server start (supervisor settings); unset means the default.
function serverTimeoutMs(): number {
  return Number(process.env.FEDERATION_REMOTE_TIMEOUT_MS) || DEFAULT_REMOTE_TIMEOUT_MS;
}

function installServerSide(): void {
  const origins = currentOrigins();
  const remotes = Object.fromEntries(
    registry.filter((app) => app.name !== selfName).map((app) => [origins[app.name] as string, app.name]),
  );
  installServerFetch({
    timeoutMs: serverTimeoutMs(),
    secret: process.env.FEDERATION_SSR_SECRET || undefined,
    remotes,
    ownOrigin: origins[selfName],
  });
  tolerateRemoteStackFrames();
}

export default function originsPlugin(): ModuleFederationRuntimePlugin {
  if (typeof window === 'undefined') installServerSide();
  return {
    name: 'repo-federation-origins',
    beforeRegisterRemote(args) {
      const entry = entryFor(args.remote.name);
      if (entry && 'entry' in args.remote) args.remote.entry = entry;
      return args;
    },
    onLoad(args) {
      const app = appOf(args.remote.name);
      if (app) markLoaded(app, true);
      return undefined;
    },
    errorLoadRemote(args) {
      if (args.lifecycle === 'beforeRequest') return undefined;
      console.error(`[federation] ${args.id} is unavailable:`, (args.error as Error)?.message ?? args.error);
      const app = appOf(args.id);
      const fellBack = () => app && markLoaded(app, false);
      fellBack();
      const failover = fallbackModule(args.id, fellBack);
      return args.from === 'build' ? () => failover : failover;
    },
  };
}
