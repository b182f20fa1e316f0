/**
 * Module Federation runtime plugin, bundled into every app's server and browser
 * builds. The remotes in the build point at placeholder origins; this plugin
 * points them at the origins the serving process was started with.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { apps, currentOrigins } from '../apps';
import { remoteEntryUrl } from '../origins';
import { containerName } from '../registry';

function entryFor(remoteName: string): string | null {
  const app = apps.find((candidate) => containerName(candidate.name) === remoteName);
  if (!app) return null;
  const origin = currentOrigins()[app.name];
  if (!origin) return null;
  return remoteEntryUrl(origin, typeof window === 'undefined' ? 'server' : 'browser');
}

export default function originsPlugin(): ModuleFederationRuntimePlugin {
  return {
    name: 'repo-federation-origins',
    beforeRegisterRemote(args) {
      const entry = entryFor(args.remote.name);
      if (entry && 'entry' in args.remote) args.remote.entry = entry;
      return args;
    },
  };
}
