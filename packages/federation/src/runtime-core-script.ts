/**
 * One Module Federation runtime per page. nextjs-mf bundles
 * @module-federation/runtime-core into the host's webpack runtime and again
 * into every remote's `remoteEntry.js`: a page that uses two remotes ran three
 * copies (about 57 KB gzip each). In the browser build every app now takes
 * runtime-core from `globalThis._FEDERATION_RUNTIME_CORE` (what
 * @module-federation/enhanced's `experiments.externalRuntime` does; nextjs-mf
 * does not pass that option through), and each app serves that one copy as a
 * script of its own, which its `_document` loads before Next's scripts. A
 * remote's entry then uses the copy of the page that loaded it, so a page runs
 * one runtime whichever app serves it.
 *
 * The functions of webpack's federation glue (@module-federation/webpack-bundler-runtime,
 * with @module-federation/runtime) ride in the same script: each bundle keeps
 * only its own state (runtime/page-bundler-runtime.ts).
 *
 * The server build keeps its bundled runtime: bytes do not matter there.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Compiler } from 'webpack';

const NAME = 'RuntimeCoreScriptPlugin';
const PACKAGE = '@module-federation/runtime-core';
const BUNDLER_RUNTIME = '@module-federation/webpack-bundler-runtime';
/** What browser bundles import instead of the bundler runtime's entry. */
const PAGE_BUNDLER_RUNTIME = path.join(__dirname, 'runtime', 'page-bundler-runtime.ts');
/** The bundler runtime's entry files, as @module-federation/enhanced imports them. */
const BUNDLER_RUNTIME_ENTRY = /[\\/]@module-federation[\\/]webpack-bundler-runtime[\\/]dist[\\/](?:bundler|index)\.c?js$/;

/**
 * The packages of the runtime, each under the global the browser bundles read
 * it from: runtime-core's name is enhanced's own (`externalRuntime`); the
 * other two are what webpack's federation runtime and nextjs-mf's plugins
 * import besides (the SDK, the error-code table), one copy each as well.
 */
const SHARED: Record<string, string> = {
  [PACKAGE]: '_FEDERATION_RUNTIME_CORE',
  '@module-federation/sdk': '_FEDERATION_SDK',
  '@module-federation/error-codes': '_FEDERATION_ERROR_CODES',
};

/** What the script runs: those packages, put where the apps' browser bundles look for them. */
const PROVIDER = Object.entries({ ...SHARED, [BUNDLER_RUNTIME]: '_FEDERATION_BUNDLER_RUNTIME' })
  .map(([name, global], index) => `import * as p${index} from '${name}';\nglobalThis.${global} = p${index};\n`)
  .join('');

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** A package's package.json (its `exports` hide the file from require.resolve), and its folder. */
function manifest(name: string, from: string): { folder: string; json: Manifest } {
  let folder = path.dirname(require.resolve(name, { paths: [from] }));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
      if (json.name === name) return { folder, json };
    } catch {
      // no package.json here: look further up
    }
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`${NAME}: cannot find the package.json of ${name}`);
    folder = parent;
  }
}

/** The bundler runtime that @module-federation/enhanced builds with (nextjs-mf -> enhanced -> runtime-tools -> it). */
function bundlerRuntime(): { folder: string; json: Manifest } {
  let from = __dirname;
  for (const name of ['@module-federation/nextjs-mf', '@module-federation/enhanced', '@module-federation/runtime-tools']) {
    from = manifest(name, from).folder;
  }
  return manifest(BUNDLER_RUNTIME, from);
}

/** Name@version of each package, and of what each bundles. */
function packageVersions({ folder, json }: { folder: string; json: Manifest }): string[] {
  const bundled = Object.keys(json.dependencies ?? {}).map((name) => `${name}@${manifest(name, folder).json.version}`);
  return [`${json.name}@${json.version}`, ...bundled];
}

/** The versions of what the script bundles: they name it. */
function versions(): string {
  return [...packageVersions(manifest(PACKAGE, __dirname)), ...packageVersions(bundlerRuntime())].join(' ');
}

/** Build-time flags the runtime packages read (see buildScript). */
const BROWSER_DEFINES = { ENV_TARGET: JSON.stringify('web'), FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN: 'true' };

type Mode = 'development' | 'production';

/**
 * The script's path under `/_next/`, named by what it contains (Next serves
 * `static/chunks` immutable): the same for every app built from one lockfile.
 * Dev builds it unminified (no terser while every app compiles at once), so
 * the mode is in the name: a browser must not keep a dev copy for production.
 */
export function runtimeCoreScriptPath(mode: Mode): string {
  const hash = createHash('sha256').update(versions()).update(PROVIDER).update(JSON.stringify(BROWSER_DEFINES)).update(mode).digest('hex').slice(0, 16);
  return `static/chunks/federation-runtime-core-${hash}.js`;
}

const modeOf = (compiler: Compiler): Mode => (compiler.options.mode === 'development' ? 'development' : 'production');

let built: Promise<string> | undefined;

/** Bundles the provider once per process (Next compiles the browser build again on every dev edit). */
function buildScript(compiler: Compiler): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'federation-runtime-core-'));
    const child = compiler.webpack({
      mode: modeOf(compiler),
      target: ['web', 'es2017'],
      // runtime-core's folder: its SDK and error codes resolve from there (pnpm keeps them beside it).
      context: manifest(PACKAGE, __dirname).folder,
      resolve: { alias: { [BUNDLER_RUNTIME]: bundlerRuntime().folder } },
      entry: `data:text/javascript,${encodeURIComponent(PROVIDER)}`,
      output: { path: outDir, filename: 'runtime-core.js', iife: true },
      devtool: false,
      // What enhanced's `experiments.optimization` sets (`target: 'web'`, `disableSnapshot`): no Node
      // script loader in a browser, and no snapshot plugin (it serves mf-manifest.json remotes and
      // manifest-driven preloads; the apps' remotes are remoteEntry.js URLs). About 7 KB gzip.
      plugins: [new compiler.webpack.DefinePlugin(BROWSER_DEFINES)],
    });
    child.run((error, stats) => {
      child.close(() => undefined);
      try {
        if (error) throw error;
        if (stats?.hasErrors()) throw new Error(stats.toString('errors-only'));
        resolve(readFileSync(path.join(outDir, 'runtime-core.js'), 'utf8'));
      } catch (cause) {
        reject(cause instanceof Error ? cause : new Error(String(cause)));
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    });
  });
  return built;
}

/** Browser build only: runtime-core from the page's one copy, and that copy written as a static file. */
export class RuntimeCoreScriptPlugin {
  apply(compiler: Compiler): void {
    const { ExternalsPlugin, Compilation, sources } = compiler.webpack;
    new ExternalsPlugin('global', SHARED).apply(compiler);
    const bundled = bundlerRuntime().folder + path.sep;
    compiler.hooks.normalModuleFactory.tap(NAME, (factory) => {
      factory.hooks.beforeResolve.tap(NAME, (data) => {
        // enhanced imports the bundler runtime by its absolute path.
        if (!BUNDLER_RUNTIME_ENTRY.test(data.request)) return;
        // The script carries one bundler runtime: a bundle built against another would run mismatched code.
        if (!path.normalize(data.request).startsWith(bundled)) {
          throw new Error(`${NAME}: the build imports ${data.request}, the runtime script bundles ${bundled}: install from one lockfile.`);
        }
        data.request = PAGE_BUNDLER_RUNTIME;
      });
    });
    const file = runtimeCoreScriptPath(modeOf(compiler));
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          if (!compilation.getAsset(file)) compilation.emitAsset(file, new sources.RawSource(await buildScript(compiler)));
        },
      );
    });
  }
}
