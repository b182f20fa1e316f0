import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  delete (globalThis as Record<string, unknown>).__FEDERATION_SERVER__;
});

/** runtime-registry as bundled into `app`'s build (Next inlines FEDERATION_SELF there). */
async function builtFor(app: string) {
  vi.stubEnv('FEDERATION_SELF', app);
  vi.resetModules();
  return import('./runtime-registry');
}

describe('isServerOf', () => {
  it("is true only on the named app's own server, whichever build the calling module came from", async () => {
    const home = await builtFor('home');
    const shopModule = await builtFor('shop');
    expect(shopModule.isServerOf('shop')).toBe(false);
    // home's _document claims the process: shop's module running there is not on shop's server.
    home.claimServer();
    expect(shopModule.isServerOf('shop')).toBe(false);
    expect(shopModule.isServerOf('home')).toBe(true);
    shopModule.claimServer();
    expect(home.isServerOf('shop')).toBe(true);
  });
});
