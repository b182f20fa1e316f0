/**
 * Browser build: every runtime chunk (the app's webpack runtime, its
 * `remoteEntry.js`) gets two "sharing" runtime modules: webpack's own and
 * @module-federation/enhanced's, which runs after it (a later stage) and sets
 * the share scope and `__webpack_require__.I` again. webpack's then never
 * runs: its copy of the share list and the remotes' init calls cost about
 * 440 B gzip per runtime for nothing, so it is emitted empty when enhanced's
 * is in the same chunk.
 */
import type { Chunk, Compilation, Compiler } from 'webpack';

const NAME = 'UnusedShareRuntimePlugin';

interface SharingModule {
  name: string;
  stage: number;
  generate(): string | null;
}

/** Whether a later "sharing" module of the chunk replaces this one. */
function isReplaced(compilation: Compilation, chunk: Chunk, sharing: SharingModule): boolean {
  return [...compilation.chunkGraph.getChunkRuntimeModulesIterable(chunk)].some(
    (other) => other !== (sharing as unknown) && other.name === 'sharing' && other.stage > sharing.stage,
  );
}

export class UnusedShareRuntimePlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.runtimeModule.tap(NAME, (runtimeModule, chunk) => {
        const sharing = runtimeModule as unknown as SharingModule;
        if (sharing.name !== 'sharing') return;
        const generate = sharing.generate.bind(sharing);
        sharing.generate = () => (isReplaced(compilation, chunk, sharing) ? null : generate());
      });
    });
  }
}
