/**
 * Which app's copy of a singleton a page runs, in the real Module Federation
 * runtime: two apps provide @repo/cart at the same version, the remote with
 * the greater name registering last, as when its entry loads first on a page.
 * runtime-core alone hands the singleton to that remote; with the origins
 * plugin the page's own app provides it.
 */
import { createInstance } from '@module-federation/runtime';
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { describe, expect, it } from 'vitest';
import originsPlugin from './origins-plugin';

// As webpack provides it: a getter of the module's factory (not loaded until a consumer asks).
const cart = (from: string) => ({
  version: '0.0.0',
  get: async () => () => ({ from }),
  shareConfig: { singleton: true, requiredVersion: false as const },
});

async function cartOnPage(name: string, plugins: ModuleFederationRuntimePlugin[]): Promise<unknown> {
  const host = createInstance({ name: `home-${name}`, remotes: [], shared: { '@repo/cart': cart('home') }, plugins });
  await Promise.all(host.initializeSharing('default'));
  const remote = createInstance({ name: `shop-${name}`, remotes: [], shared: { '@repo/cart': cart('shop') }, plugins });
  remote.initShareScopeMap('default', host.shareScopeMap.default ?? {});
  await Promise.all(remote.initializeSharing('default'));
  const factory = await host.loadShare<{ from: string }>('@repo/cart');
  return factory ? factory() : undefined;
}

describe('a singleton two apps provide at one version', () => {
  it("comes from the remote with the greater name in runtime-core alone (what the plugin fixes)", async () => {
    expect(await cartOnPage('plain', [])).toEqual({ from: 'shop' });
  });

  it("comes from the page's own app with the origins plugin", async () => {
    expect(await cartOnPage('plugin', [originsPlugin()])).toEqual({ from: 'home' });
  });
});
