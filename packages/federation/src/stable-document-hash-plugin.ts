/**
 * Dev, server compiler only. Next's dev server reloads every open page when the
 * server chunk `pages/_document` gets a new hash ("_document has changed").
 * nextjs-mf names server chunks `[name]-[contenthash].js`, so any edit of an
 * exposed module changes the chunk-name map in the runtime chunk
 * (webpack-runtime.js), and webpack >= 5.99 (webpack#19439) mixes the runtime
 * chunk's hash into every entry chunk's hash: `_document` "changes" on every
 * such edit although its output is the same. This leaves the runtime chunk's
 * hash out of `_document`'s hash (as Next's bundled webpack 5.98 does), so only
 * a real change of `_document` reloads the page.
 */
import type { Chunk, Compilation, Compiler } from 'webpack';

const NAME = 'StableDocumentHashPlugin';
const DOCUMENT_CHUNK = 'pages/_document';

interface Hash {
  update(data: string | Buffer, encoding?: string): Hash;
}

/** The hash of the runtime chunk `chunk` starts from, if it is not its own runtime. */
function runtimeChunkHash(compilation: Compilation, chunk: Chunk): string | undefined {
  if (chunk.hasRuntime()) return undefined;
  for (const [, entrypoint] of compilation.chunkGraph.getChunkEntryModulesWithChunkGroupIterable(chunk)) {
    return entrypoint?.getRuntimeChunk()?.hash ?? undefined;
  }
  return undefined;
}

export class StableDocumentHashPlugin {
  apply(compiler: Compiler): void {
    const { JavascriptModulesPlugin } = compiler.webpack.javascript;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      JavascriptModulesPlugin.getCompilationHooks(compilation).chunkHash.intercept({
        register(tap) {
          const handler = tap.fn as (chunk: Chunk, hash: Hash, context: unknown) => void;
          const fn = (chunk: Chunk, hash: Hash, context: unknown) => {
            const skip = chunk.name === DOCUMENT_CHUNK ? runtimeChunkHash(compilation, chunk) : undefined;
            if (!skip) return handler(chunk, hash, context);
            const filtered: Hash = Object.create(hash);
            filtered.update = (data, encoding) => {
              if (data !== skip) hash.update(data, encoding);
              return filtered;
            };
            return handler(chunk, filtered, context);
          };
          return { ...tap, fn };
        },
      });
    });
  }
}
