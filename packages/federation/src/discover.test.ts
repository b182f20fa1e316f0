import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverApps, findRepoRoot } from './discover';

const roots: string[] = [];

function repoWith(apps: Record<string, unknown>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'registry-'));
  roots.push(root);
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: [apps/*]\n');
  for (const [folder, pkg] of Object.entries(apps)) {
    mkdirSync(path.join(root, 'apps', folder), { recursive: true });
    writeFileSync(path.join(root, 'apps', folder, 'package.json'), typeof pkg === 'string' ? pkg : JSON.stringify(pkg));
  }
  return root;
}

const declaration = (port: number, route: string) => ({ title: 'T', port, routes: [route], exposes: {} });

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('discoverApps', () => {
  it('reads every app folder', () => {
    const root = repoWith({
      shop: { name: 'shop', federation: declaration(3002, '/shop') },
      home: { name: 'home', federation: declaration(3001, '/') },
    });
    expect(discoverApps(root).map((app) => app.name)).toEqual(['home', 'shop']);
    expect(findRepoRoot(path.join(root, 'apps', 'shop'))).toBe(root);
  });

  it('refuses a package name that differs from the folder', () => {
    const root = repoWith({ shop: { name: 'store', federation: declaration(3002, '/shop') } });
    expect(() => discoverApps(root)).toThrow(/app "shop" has "name": "store"/);
  });

  it('refuses malformed JSON, naming the file', () => {
    const root = repoWith({ shop: '{ nope' });
    expect(() => discoverApps(root)).toThrow(/apps\/shop\/package.json is not valid JSON/);
  });

  it('refuses a port used twice', () => {
    const root = repoWith({
      a: { name: 'a', federation: declaration(3005, '/a') },
      b: { name: 'b', federation: declaration(3005, '/b') },
    });
    expect(() => discoverApps(root)).toThrow(/both use port 3005/);
  });
});
