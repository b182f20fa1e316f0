/**
 * Browser build: a page does not download a chunk whose every module it
 * already holds. The share scope provides Next's modules (`next/router`,
 * `next/link`, …) from async chunks, because the same providers serve this
 * app's `remoteEntry.js` on other apps' pages, where nothing of this app is
 * loaded. On the app's own pages, `main` and `_app` already hold those modules
 * (webpack gives a module one id per build), so loading them again costs
 * 16-18 KB of gzip for nothing (chunks of `next/router` alone: 36 of 37 modules
 * were main's).
 *
 * At build time: the async chunks whose modules are all in the chunks of the
 * `main` and `pages/_app` entries, with their module ids. At run time, in the
 * webpack runtime: such a chunk is skipped when every one of its modules is
 * registered already; otherwise (another app's page, or too early) it loads as
 * before. Only the script download is skipped: CSS and shared-module handlers
 * for the chunk run unchanged.
 */
import type { Chunk, Compilation, Compiler, Module } from 'webpack';

const NAME = 'HeldChunksPlugin';

/** Entries whose chunks every page of a Pages Router app loads. */
const ALWAYS_LOADED_ENTRIES = ['main', 'pages/_app'];

type ModuleId = string | number;

/** Re-exports such as `next/router.js` (`module.exports = require('./dist/client/router')`) are this small. */
const WRAPPER_BYTES = 200;

/** Whether every page loads a module: it sits in a chunk of an always-loaded entry. */
function alwaysLoadedTest(compilation: Compilation): (candidate: Module) => boolean {
  const always = new Set<Chunk>();
  for (const name of ALWAYS_LOADED_ENTRIES) {
    for (const chunk of compilation.entrypoints.get(name)?.chunks ?? []) always.add(chunk);
  }
  return (candidate) => [...always].some((chunk) => compilation.chunkGraph.isModuleInChunk(candidate, chunk));
}

/** The async chunks (not loaded with the page) and their script modules. */
function asyncChunks(compilation: Compilation): [Chunk, Module[]][] {
  return [...compilation.chunks]
    .filter((chunk) => !chunk.canBeInitial())
    .map((chunk) => [chunk, [...(compilation.chunkGraph.getChunkModulesIterableBySourceType(chunk, 'javascript') ?? [])]]);
}

/**
 * A provider's chunk holds main's modules plus the package's own entry file, a
 * one-line re-export that main never imports: `main` takes a copy of it (tens
 * of bytes), so the whole chunk is held.
 */
function copyWrappersIntoMain(compilation: Compilation): void {
  const main = compilation.entrypoints.get('main')?.getEntrypointChunk();
  if (!main) return;
  const held = alwaysLoadedTest(compilation);
  for (const [, modules] of asyncChunks(compilation)) {
    const missing = modules.filter((candidate) => !held(candidate));
    if (missing.length === 0 || missing.length === modules.length) continue;
    if (missing.some((candidate) => candidate.size() > WRAPPER_BYTES)) continue;
    for (const wrapper of missing) compilation.chunkGraph.connectChunkAndModule(main, wrapper);
  }
}

/** Async chunk id -> its module ids, for each async chunk whose every module an always-loaded chunk holds. */
function heldChunks(compilation: Compilation): Map<ModuleId, ModuleId[]> {
  const held = alwaysLoadedTest(compilation);
  const chunks = new Map<ModuleId, ModuleId[]>();
  for (const [chunk, modules] of asyncChunks(compilation)) {
    if (chunk.id === null || modules.length === 0 || !modules.every(held)) continue;
    const ids = modules.map((candidate) => compilation.chunkGraph.getModuleId(candidate));
    if (ids.some((id) => id === null)) continue;
    chunks.set(chunk.id, ids as ModuleId[]);
  }
  return chunks;
}

export class HeldChunksPlugin {
  apply(compiler: Compiler): void {
    const { RuntimeModule, RuntimeGlobals, Template } = compiler.webpack;

    class SkipHeldChunksRuntimeModule extends RuntimeModule {
      constructor(private readonly held: Map<ModuleId, ModuleId[]>) {
        // After the JSONP loader (`__webpack_require__.f.j`) exists.
        super('skip held chunks', RuntimeModule.STAGE_TRIGGER);
      }

      override generate(): string {
        const require = RuntimeGlobals.require;
        return Template.asString([
          `var held = ${JSON.stringify(Object.fromEntries(this.held))};`,
          `var load = ${RuntimeGlobals.ensureChunkHandlers}.j;`,
          'if (load) {',
          Template.indent([
            `${RuntimeGlobals.ensureChunkHandlers}.j = function (chunkId, promises) {`,
            Template.indent([
              'var ids = held[chunkId];',
              `if (ids && ids.every(function (id) { return Object.prototype.hasOwnProperty.call(${require}.m, id); })) return;`,
              'return load(chunkId, promises);',
            ]),
            '};',
          ]),
          '}',
        ]);
      }
    }

    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      if (compilation.compiler.isChild()) return;
      compilation.hooks.afterOptimizeChunks.tap(NAME, () => copyWrappersIntoMain(compilation));
      let held: Map<ModuleId, ModuleId[]> | undefined; // the same for every runtime of the build
      // Each runtime (the page's, and remoteEntry's for other apps' pages) loads chunks through `f.j`.
      compilation.hooks.runtimeRequirementInTree.for(RuntimeGlobals.ensureChunkHandlers).tap(NAME, (chunk, set) => {
        held ??= heldChunks(compilation);
        if (held.size === 0) return;
        set.add(RuntimeGlobals.moduleFactories);
        compilation.addRuntimeModule(chunk, new SkipHeldChunksRuntimeModule(held));
      });
    });
  }
}
