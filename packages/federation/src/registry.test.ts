import { describe, expect, it } from 'vitest';
import { buildRegistry, containerName, parseDeclaration, RegistryError, toPublic, type AppEntry } from './registry';

const shop = { title: 'Shop', port: 3002, routes: ['/shop', '/p/[slug]'], exposes: { './card': './components/card.tsx' } };

function app(name: string, overrides: Partial<AppEntry> = {}): AppEntry {
  return { name, title: name, port: 4000, routes: [`/${name}`], exposes: {}, ...overrides };
}

describe('parseDeclaration', () => {
  it('accepts a complete declaration', () => {
    expect(parseDeclaration('shop', shop)).toEqual({ name: 'shop', ...shop });
  });

  it.each([
    ['missing field', undefined, /no "federation" field in apps\/shop\/package.json/],
    ['not an object', 'x', /must be an object/],
    ['empty title', { ...shop, title: '' }, /"federation.title"/],
    ['port out of range', { ...shop, port: 70000 }, /"federation.port"/],
    ['port not a number', { ...shop, port: '3002' }, /"federation.port"/],
    ['no routes', { ...shop, routes: [] }, /"federation.routes"/],
    ['route without slash', { ...shop, routes: ['shop'] }, /invalid route "shop"/],
    ['bad expose key', { ...shop, exposes: { card: './c.tsx' } }, /invalid key "card"/],
    ['bad expose path', { ...shop, exposes: { './card': 'c.tsx' } }, /invalid path for ".\/card"/],
  ])('refuses a %s, naming the app and field', (_case, raw, message) => {
    expect(() => parseDeclaration('shop', raw)).toThrow(RegistryError);
    expect(() => parseDeclaration('shop', raw)).toThrow(message);
  });

  it('refuses an app folder name that is not kebab-case', () => {
    expect(() => parseDeclaration('My_App', shop)).toThrow(/not a valid app name/);
  });
});

describe('buildRegistry', () => {
  it('orders apps by port', () => {
    const apps = buildRegistry([app('b', { port: 4002 }), app('a', { port: 4001 })]);
    expect(apps.map((entry) => entry.name)).toEqual(['a', 'b']);
  });

  it('refuses two apps on one port', () => {
    expect(() => buildRegistry([app('a', { port: 4001 }), app('b', { port: 4001 })])).toThrow(
      /apps "a" and "b" both use port 4001/,
    );
  });

  it('refuses a route owned twice, also when only the parameter name differs', () => {
    expect(() => buildRegistry([app('a', { port: 1, routes: ['/x'] }), app('b', { port: 2, routes: ['/x'] })])).toThrow(
      /route "\/x" is owned by both "a" and "b"/,
    );
    expect(() =>
      buildRegistry([app('a', { port: 1, routes: ['/p/[id]'] }), app('b', { port: 2, routes: ['/p/[slug]'] })]),
    ).toThrow(/owned by both/);
  });

  it('refuses names that collide as container names', () => {
    expect(() => buildRegistry([app('gift-cards', { port: 1 }), app('gift_cards', { port: 2 })])).toThrow(/same name/);
  });

  it('refuses an empty registry', () => {
    expect(() => buildRegistry([])).toThrow(/no apps found/);
  });
});

describe('names and public entries', () => {
  it('turns kebab-case names into container identifiers', () => {
    expect(containerName('gift-cards')).toBe('gift_cards');
  });

  it('keeps only expose names in the public entry', () => {
    expect(toPublic({ name: 'shop', ...shop }).exposes).toEqual(['./card']);
  });
});
