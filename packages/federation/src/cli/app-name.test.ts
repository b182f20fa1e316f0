import { describe, expect, it } from 'vitest';
import { parseDeclaration, type AppEntry } from '../registry';
import { nameProblem, nextFreePort, titleFor } from './app-name';
import { appFiles } from './app-template';

const apps: AppEntry[] = [
  { name: 'home', title: 'Home', port: 3001, routes: ['/'], exposes: {} },
  { name: 'shop', title: 'Shop', port: 3002, routes: ['/shop', '/p/[slug]'], exposes: {} },
];

describe('nameProblem', () => {
  it('accepts a fresh kebab-case name', () => {
    expect(nameProblem('gift-cards', apps)).toBeNull();
  });

  it.each([
    ['Gift', /not a valid app name/],
    ['9lives', /not a valid app name/],
    ['gift_cards', /not a valid app name/],
    ['gift--cards', /not a valid app name/],
    ['home', /already exists/],
    ['shop', /already exists/],
    ['p', /already use/],
    ['api', /already use/],
    ['document', /already use/],
  ])('refuses %s', (name, message) => {
    expect(nameProblem(name, apps)).toMatch(message);
  });
});

describe('titleFor and nextFreePort', () => {
  it('titles kebab-case names', () => {
    expect(titleFor('gift-cards')).toBe('Gift Cards');
  });

  it('takes the first port above the registry that is free on this machine', async () => {
    const busy = new Set([3003]);
    expect(await nextFreePort(apps, async (port) => !busy.has(port))).toBe(3004);
  });
});

describe('appFiles', () => {
  const versions = Object.fromEntries(
    ['next', 'react', 'react-dom', '@types/node', '@types/react', '@types/react-dom', 'eslint', 'typescript', 'vitest', 'webpack'].map(
      (dep) => [dep, '1.0.0'],
    ),
  );
  const files = appFiles({ name: 'gift-cards', title: 'Gift Cards', port: 3003, versions });

  it('declares an app the registry accepts, owning /<name>', () => {
    const pkg = JSON.parse(files['package.json'] as string);
    expect(pkg.name).toBe('gift-cards');
    expect(parseDeclaration('gift-cards', pkg.federation)).toMatchObject({ port: 3003, routes: ['/gift-cards'] });
  });

  it('has the standard one-line federation files, a page, an exposed component and a test', () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'next.config.ts',
        'pages/_app.tsx',
        'pages/_document.tsx',
        'pages/[[...federatedPath]].tsx',
        'pages/gift-cards.tsx',
        'components/card.tsx',
        'lib/greeting.test.ts',
      ]),
    );
    expect(files['pages/gift-cards.tsx']).toContain('getInitialProps');
  });

  it('refuses to guess a version it was not given', () => {
    expect(() => appFiles({ name: 'x', title: 'X', port: 1, versions: {} })).toThrow(/no pinned version for next/);
  });
});
