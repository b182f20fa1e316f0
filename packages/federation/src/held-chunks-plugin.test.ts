/**
 * The plugin in a real webpack build, run in a VM: `main` holds a module, an
 * async chunk repeats it behind a one-line re-export (as the share scope's
 * provider of `next/router` does), and a second entry (remoteEntry's place)
 * shares that chunk. The page must get the module without a script request;
 * where the module is not registered, the chunk loads as before.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import webpack from 'webpack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeldChunksPlugin } from './held-chunks-plugin';

let folder = '';
let out = '';

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'held-chunks-'));
  out = path.join(folder, 'out');
  const files: Record<string, string> = {
    // What main holds (Next's router code).
    'router.js': 'module.exports = { name: "the router", padding: "' + 'x'.repeat(400) + '" };',
    // The package's entry file: the one module of the provider's chunk that main does not hold.
    'wrapper.js': 'module.exports = require("./router");',
    // One async block both entries use, as the share scope's provider is.
    'provider.js': 'globalThis.loadShared = () => import("./wrapper");',
    'main.js': 'globalThis.mainRouter = require("./router"); require("./provider");',
    'other.js': 'require("./provider");',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  const compiler = webpack({
    mode: 'production',
    context: folder,
    target: 'web',
    entry: { main: './main.js', other: './other.js' },
    output: { path: out, filename: '[name].js', chunkFilename: 'chunk-[id].js', publicPath: '/' },
    optimization: { runtimeChunk: 'single', splitChunks: false, minimize: false },
    plugins: [new HeldChunksPlugin()],
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs scripts in one fresh page-like context; any script request is recorded, never answered. */
function page(scripts: string[]): { context: vm.Context; requested: string[] } {
  const requested: string[] = [];
  const element = () => ({ setAttribute: () => undefined, parentNode: null, getAttribute: () => null });
  const document = {
    createElement: () => {
      const script = element() as Record<string, unknown>;
      Object.defineProperty(script, 'src', { set: (src: string) => requested.push(src) });
      return script;
    },
    getElementsByTagName: () => [],
    head: { appendChild: () => undefined },
  };
  const context = vm.createContext({ document, setTimeout, clearTimeout, Promise });
  context.self = context;
  context.globalThis = context;
  for (const script of scripts) vm.runInContext(readFileSync(path.join(out, script), 'utf8'), context);
  return { context, requested };
}

describe('HeldChunksPlugin', () => {
  it("copies the re-export into main, and the page loads the shared module without a script request", async () => {
    expect(readdirSync(out).filter((file) => file.startsWith('chunk-'))).toHaveLength(1); // the chunk still exists for other pages
    const { context, requested } = page(['runtime.js', 'main.js']);
    const shared = await (context.loadShared as () => Promise<{ default: { name: string } }>)();
    expect(shared.default.name).toBe('the router');
    expect(shared.default).toBe(context.mainRouter); // main's instance, not a copy
    expect(requested).toEqual([]);
  });

  it('loads the chunk as before where main is not loaded (another app\'s page)', () => {
    const { context, requested } = page(['runtime.js', 'other.js']);
    void (context.loadShared as () => Promise<unknown>)().catch(() => undefined);
    expect(requested).toEqual([expect.stringMatching(/^\/chunk-.+\.js$/)]);
  });
});
