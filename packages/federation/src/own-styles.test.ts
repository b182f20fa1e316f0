import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOwnExposeStyles } from './own-styles';

const dir = mkdtempSync(path.join(os.tmpdir(), 'own-styles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readOwnExposeStyles', () => {
  it('lists the CSS of the modules an app exposes and imports by their federated name', () => {
    const manifest = path.join(dir, 'react-loadable-manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        '../../packages/shell/src/app.tsx -> @repo/federation/nav': { id: 1, files: ['static/css/nav.css', 'static/chunks/737.js'] },
        'pages/index.tsx -> home/nav': { id: 1, files: ['static/css/nav.css'] },
        'components/nav.tsx -> checkout/cart-badge': { id: 2, files: [] },
        'pages/index.tsx -> homepage/banner': { id: 3, files: ['static/css/other-app.css'] },
      }),
    );
    expect(readOwnExposeStyles('home', manifest)).toEqual(['/_next/static/css/nav.css']);
  });

  it("lists nothing for a shell module another app provides (a remote here: no files of this build)", () => {
    const manifest = path.join(dir, 'shop-manifest.json');
    writeFileSync(manifest, JSON.stringify({ '../../packages/shell/src/app.tsx -> @repo/federation/nav': { id: 6072, files: [] } }));
    expect(readOwnExposeStyles('shop', manifest)).toEqual([]);
  });

  it('finds none without a manifest', () => {
    expect(readOwnExposeStyles('home', path.join(dir, 'missing.json'))).toEqual([]);
  });
});
