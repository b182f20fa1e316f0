/**
 * Wraps an app's Next config with everything Module Federation needs. An app's
 * next.config.ts is `export default withFederation(__dirname)`: the registry
 * (read from the app folders) decides its name, remotes and exposes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import type { Configuration } from 'webpack';
import { CanonicalPublicPathPlugin } from './canonical-public-path-plugin';
import { catchAllFileProblem } from './catch-all-file';
import { discoverApps, findRepoRoot } from './discover';
import { devDistDir, productionDistDir } from './dist-dir';
import { HeldChunksPlugin } from './held-chunks-plugin';
import { RemovedAppsPlugin } from './removed-apps-plugin';
import { RuntimeCoreScriptPlugin, runtimeCoreScriptPath } from './runtime-core-script';
import { shellModules, type ShellModule } from './shell-modules';
import { StableDocumentHashPlugin } from './stable-document-hash-plugin';
import { UnusedShareRuntimePlugin } from './unused-share-runtime-plugin';
import { remoteEntryUrl } from './origins';
import { containerName, toPublic, type AppEntry } from './registry';

/** Our workspace packages export TypeScript source: Next must compile them. */
const WORKSPACE_PACKAGES = ['@repo/federation', '@repo/cart', '@repo/shell'];

/** Modules every app must share as one instance across containers. */
const SINGLETONS = ['@repo/cart'];

interface WebpackContext {
  dev: boolean;
  isServer: boolean;
  nextRuntime?: string;
}

// Loaded lazily: requiring nextjs-mf at config time pulls in webpack internals,
// which must only happen once Next has set NEXT_PRIVATE_LOCAL_WEBPACK.
function federationPlugin(options: Record<string, unknown>): { apply(compiler: unknown): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NextFederationPlugin } = require('@module-federation/nextjs-mf');
  return new NextFederationPlugin(options);
}

type ConfigFunction = (phase: string) => NextConfig;

export function withFederation(appDir: string, nextConfig: NextConfig = {}): ConfigFunction {
  return (phase) => {
    const dev = phase === PHASE_DEVELOPMENT_SERVER;
    return {
      distDir: dev ? devDistDir(process.env) : productionDistDir(process.env),
      ...federatedConfig(appDir, nextConfig, dev),
    };
  };
}

/**
 * Dev: webpack writes its cache pack 1 s after any compile it counts as a
 * large change (every first compile is one), while the other apps' first
 * compiles still need the CPU: ~1.3 s of CPU per app during a cold start on 2
 * cores, gzip aside. Written after 15 s of quiet instead, and uncompressed (it
 * is local), a cold start of all apps is shorter.
 */
function deferCacheStore(config: Configuration): void {
  if (config.cache && typeof config.cache === 'object' && config.cache.type === 'filesystem') {
    config.cache = { ...config.cache, compression: false, idleTimeoutForInitialStore: 15_000, idleTimeoutAfterLargeChanges: 15_000 };
  }
}

function federatedConfig(appDir: string, nextConfig: NextConfig, dev: boolean): NextConfig {
  const apps = discoverApps(findRepoRoot(appDir));
  const self = apps.find((app) => app.name === path.basename(appDir));
  if (!self) throw new Error(`withFederation: ${appDir} is not an app folder under apps/.`);
  const remotes = apps.filter((app) => app !== self);
  // Checked here so a folder whose catch-all does not fit its routes fails its build and dev, with what to rename.
  const catchAllProblem = catchAllFileProblem(self.name, self.routes.includes('/'), (file) => existsSync(path.join(appDir, file)));
  if (catchAllProblem) throw new Error(`withFederation: ${catchAllProblem}`);
  // Checked here so a registry without (or with two) providers fails the build, not a page.
  const shell = shellModules(apps);

  return {
    // A self-contained server per app, assembled into apps/<name>/dist by @repo/artifact.
    output: 'standalone',
    // Traced through build-time code (next.config.ts, the artifact bundler) or
    // only used by next/image, which the apps do not use: ~38 MB per artifact.
    outputFileTracingExcludes: {
      '*': ['**/node_modules/typescript/**', '**/node_modules/esbuild/**', '**/node_modules/@esbuild/**', '**/node_modules/@img/**'],
    },
    ...nextConfig,
    // Lint and type checks are their own turbo tasks; builds only compile.
    eslint: { ignoreDuringBuilds: true, ...nextConfig.eslint },
    typescript: { ignoreBuildErrors: true, ...nextConfig.typescript },
    transpilePackages: [...(nextConfig.transpilePackages ?? []), ...WORKSPACE_PACKAGES],
    env: {
      ...nextConfig.env,
      FEDERATION_APPS: JSON.stringify(apps.map(toPublic)),
      FEDERATION_SELF: self.name,
      FEDERATION_RUNTIME_CORE_SCRIPT: runtimeCoreScriptPath(dev ? 'development' : 'production'),
    },
    webpack(config: Configuration, context: WebpackContext) {
      const target = context.isServer ? 'server' : 'browser';
      config.plugins ??= [];
      config.plugins.push(
        federationPlugin({
          name: containerName(self.name),
          filename: 'static/chunks/remoteEntry.js',
          // Build-time placeholders: the runtime plugin swaps in the origins the
          // server was started with, so nothing of an origin is baked in.
          remotes: Object.fromEntries(
            remotes.map((app) => [
              containerName(app.name),
              `${containerName(app.name)}@${remoteEntryUrl(`http://localhost:${app.port}`, target)}`,
            ]),
          ),
          exposes: self.exposes,
          // Dev: nothing reads the server's manifest (hosts read the browser's, runtime/manifest-cache.ts),
          // and its stats of every chunk took about half of the ~1.5 s of CPU each app spent on manifests in a cold start.
          ...(context.dev && target === 'server' ? { manifest: false } : {}),
          shared: Object.fromEntries(
            SINGLETONS.map((name) => [name, { singleton: true, requiredVersion: false }]),
          ),
          extraOptions: { exposePages: true, enableImageLoaderFix: true, enableUrlLoaderFix: true },
          runtimePlugins: [
            path.join(__dirname, 'runtime', 'origins-plugin.ts'),
            ...(target === 'server' ? [path.join(__dirname, 'runtime', 'server-plugin.ts')] : []),
          ],
        }),
      );
      config.plugins.push(new ShellModulesPlugin(shell));
      config.plugins.push(new RemovedAppsPlugin(new Set(apps.map((app) => containerName(app.name))), appDir));
      aliasOwnExposes(config, self, appDir);
      if (context.dev) deferCacheStore(config);
      // Dev: an edit of an exposed module must not make Next reload open pages ("_document has changed").
      if (context.dev && context.isServer && context.nextRuntime === 'nodejs') config.plugins.push(new StableDocumentHashPlugin());
      if (!context.isServer) {
        config.plugins.push(new RuntimeCoreScriptPlugin());
        if (!context.dev) {
          // Not in dev: its CSS comes with the JS, and its chunk names stay the same across edits, so a
          // remote's new code must not find the script tags of the server HTML (hot-remotes loads it afresh).
          config.plugins.push(new HeldChunksPlugin(), new UnusedShareRuntimePlugin(), new CanonicalPublicPathPlugin());
          processPolyfillInMain(config, appDir);
        }
        // Next 15 + nextjs-mf: remote code using next/router crashes with "NextRouter
        // was not mounted" unless Next's client code sits in the pages-dir layer.
        config.module ??= {};
        config.module.rules ??= [];
        config.module.rules.unshift({ test: /[\\/]next[\\/]dist[\\/]/, layer: 'pages-dir-browser' });
      }
      return nextConfig.webpack ? nextConfig.webpack(config, context as never) : config;
    },
  };
}

/**
 * react-dom's browser build uses Next's `process` polyfill. In a plain Next
 * app it sits in `main`; with react-dom shared, webpack put it in async chunks
 * beside each share-scope provider, and pages loaded two identical copies
 * (about 1.4 KB gzip each). In `main` again, held-chunks-plugin skips them.
 */
function processPolyfillInMain(config: Configuration, appDir: string): void {
  const polyfill = createRequire(path.join(appDir, 'package.json')).resolve('next/dist/build/polyfills/process');
  const entry = config.entry;
  if (typeof entry !== 'function') throw new Error('withFederation: expected Next\'s browser entry to be a function.');
  config.entry = async () => {
    const entries = (await entry()) as Record<string, string | string[]>;
    const main = entries.main;
    if (main === undefined) throw new Error('withFederation: Next\'s browser build has no `main` entry.');
    return { ...entries, main: [...(Array.isArray(main) ? main : [main]), polyfill] };
  };
}

/** `@repo/federation/nav` -> `home/nav` before resolution, where the remotes plugin takes it (see shell-modules). */
class ShellModulesPlugin {
  constructor(private readonly modules: ShellModule[]) {}

  apply(compiler: { webpack: typeof import('webpack') }): void {
    for (const { name, request } of this.modules) {
      const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      new compiler.webpack.NormalModuleReplacementPlugin(exact, request).apply(compiler as never);
    }
  }
}

/** `import('home/nav')` inside home resolves to home's own file, so every app imports a module the same way. */
function aliasOwnExposes(config: Configuration, self: AppEntry, appDir: string): void {
  config.resolve ??= {};
  const alias = (config.resolve.alias ??= {}) as Record<string, string>;
  for (const [key, file] of Object.entries(self.exposes)) {
    alias[`${containerName(self.name)}/${key.slice(2)}$`] = path.resolve(appDir, file);
  }
}
