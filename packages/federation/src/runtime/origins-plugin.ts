/**
 * Module Federation runtime plugin, bundled into every app's server and browser
 * builds. The remotes in the build point at placeholder origins; this plugin
 * points them at the origins the serving process was started with, turns a
 * remote that fails to load into a marked module that renders a fallback,
 * records what loaded, and lets the page's own app provide the singletons.
 * (Server builds add server-plugin.ts: bounded, authenticated calls to other
 * apps.)
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { registry, currentOrigins } from '../runtime-registry';
import { remoteEntryUrl } from '../origins';
import { appOfContainer } from '../registry';
import { pageVersions, versionedEntry } from '../remote-versions';
import { fallbackModule } from '../fallback-module';
import { markLoaded } from './remote-state';

/** `shop/product-card` or container `gift_cards` -> the app's name. */
function appOf(remoteOrId: string): string | undefined {
  return appOfContainer(
    registry.map((app) => app.name),
    remoteOrId.split('/')[0] ?? '',
  );
}

function entryFor(remoteName: string): string | null {
  const app = appOf(remoteName);
  const origin = app ? currentOrigins()[app] : undefined;
  if (!app || !origin) return null;
  if (typeof window === 'undefined') return remoteEntryUrl(origin, 'server');
  return versionedEntry(remoteEntryUrl(origin, 'browser'), pageVersions()[app]);
}

export default function originsPlugin(): ModuleFederationRuntimePlugin {
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
    resolveShare(args) {
      // Every app builds a singleton such as @repo/cart from one source: one version, one key in the
      // share scope, which runtime-core gives to the app with the greater name while nothing has loaded
      // it. Which app's copy a page ran then depended on which entry registered first, and a repeat
      // visit could fetch a chunk the first visit never did. The page's own app (the first instance)
      // provides every singleton it has, as nextjs-mf's plugin does for react and next/*.
      const own = args.GlobalFederation.__INSTANCES__[0]?.options.shared[args.pkgName]?.[0];
      if (!own || !args.shareInfo.shareConfig?.singleton) return args;
      const versions = args.shareScopeMap[args.scope]?.[args.pkgName];
      args.resolver = () => {
        if (versions) versions[args.version] = own;
        return { shared: own, useTreesShaking: false };
      };
      return args;
    },
  };
}
