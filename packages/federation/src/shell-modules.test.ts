import { describe, expect, it } from 'vitest';
import { RegistryError, type AppEntry } from './registry';
import { shellModules } from './shell-modules';

function app(name: string, exposes: Record<string, string> = {}): AppEntry {
  return { name, title: name, port: 4000, routes: [`/${name}`], exposes };
}

describe('shellModules', () => {
  it("points the shell's nav at the one app that exposes ./nav", () => {
    const registry = [app('home'), app('gift-cards', { './nav': './components/nav.tsx' })];
    expect(shellModules(registry)).toEqual([
      { name: '@repo/federation/nav', request: 'gift_cards/nav', app: 'gift-cards', file: './components/nav.tsx' },
    ]);
  });

  it.each([
    ['no app exposes it', [app('home'), app('shop')], /but no app exposes it: exactly one app's federation.exposes must list ".\/nav"/],
    [
      'two apps expose it',
      [app('home', { './nav': './nav.tsx' }), app('shop', { './nav': './nav.tsx' })],
      /but home and shop both expose it/,
    ],
  ])('refuses a registry where %s, saying what to change', (_case, registry, message) => {
    expect(() => shellModules(registry)).toThrow(RegistryError);
    expect(() => shellModules(registry)).toThrow(message);
  });
});
