/**
 * The plugin in a real webpack build with nextjs-mf's `publicPath: 'auto'`,
 * its runtime script under `static/chunks/` as a remote's `remoteEntry.js`
 * is, run in a VM whose page loaded it from another app's origin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import webpack from 'webpack';
import { afterAll, describe, expect, it } from 'vitest';
import { CanonicalPublicPathPlugin, canonicalPublicPath } from './canonical-public-path-plugin';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Builds an entry that reports its base URL, with or without the plugin; returns the script. */
async function build(plugins: webpack.WebpackPluginInstance[]): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), 'public-path-'));
  folders.push(folder);
  writeFileSync(path.join(folder, 'entry.js'), 'globalThis.base = __webpack_public_path__;');
  const compiler = webpack({
    mode: 'production',
    context: folder,
    target: 'web',
    entry: { remoteEntry: './entry.js' },
    output: { path: path.join(folder, 'out'), filename: 'static/chunks/[name].js', publicPath: 'auto' },
    plugins,
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
  return readFileSync(path.join(folder, 'out', 'static', 'chunks', 'remoteEntry.js'), 'utf8');
}

/** The base URL the script finds for itself, loaded from `src`. */
function baseUrl(script: string, src: string): unknown {
  const context = vm.createContext({ URL, document: { currentScript: { tagName: 'SCRIPT', src } } });
  vm.runInContext(script, context);
  return context.base;
}

describe('CanonicalPublicPathPlugin', () => {
  const src = 'http://localhost:3002/_next/static/chunks/remoteEntry.js?t=abc';

  it("resolves the way back from the runtime script's folder: files get the URLs the document writes", async () => {
    expect(baseUrl(await build([new CanonicalPublicPathPlugin()]), src)).toBe('http://localhost:3002/_next/');
  });

  it('is what webpack alone leaves unresolved', async () => {
    expect(baseUrl(await build([]), src)).toBe('http://localhost:3002/_next/static/chunks/../../');
  });
});

describe('canonicalPublicPath', () => {
  it('leaves a runtime script in the output folder and a fixed publicPath as they are', () => {
    expect(canonicalPublicPath('__webpack_require__.p = scriptUrl;')).toBe('__webpack_require__.p = scriptUrl;');
    expect(canonicalPublicPath('__webpack_require__.p = "/_next/";')).toBe('__webpack_require__.p = "/_next/";');
  });

  it('fails the build on automatic publicPath code of another shape', () => {
    expect(() => canonicalPublicPath('__webpack_require__.p = scriptUrl.concat("../");')).toThrow(/update the pattern/);
  });
});
