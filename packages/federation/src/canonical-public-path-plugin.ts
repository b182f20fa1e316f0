/**
 * Production browser build: nextjs-mf sets `output.publicPath` to `auto`, so
 * each bundle finds its files from the URL of its own runtime script.
 * webpack's runtime then appends the way back from `static/chunks/` to the
 * output folder, and a remote's base URL became
 * `http://shop/_next/static/chunks/../../`.
 *
 * webpack finds a stylesheet or script already on the page by comparing
 * `href` and `src` as text. The document links a remote module's CSS by its
 * plain URL (`http://shop/_next/static/css/….css`), so when the module's
 * code loaded in the browser, webpack did not see that link and added a
 * second one for the same file: every page carried its remotes' stylesheets
 * twice, and the browser matched their rules twice and laid the page out
 * again after hydration.
 *
 * The runtime now resolves that way back (`new URL('../../', script)`): the
 * base URL is `http://shop/_next/`, and each file's URL is the one the
 * document wrote.
 */
import type { Compiler } from 'webpack';

const NAME = 'CanonicalPublicPathPlugin';

/** What webpack's AutoPublicPathRuntimeModule ends with when the runtime script sits below the output folder. */
const UNDO_PATH = /(__webpack_require__\.p) = scriptUrl \+ ("(?:[^"\\]|\\.)*");/;
/** ...and when it sits in the output folder itself: nothing to resolve. */
const NO_UNDO_PATH = /__webpack_require__\.p = scriptUrl;/;

interface PublicPathModule {
  name: string;
  generate(): string | null;
}

/**
 * The "publicPath" runtime module's code, with its base URL resolved. A fixed
 * publicPath (no `scriptUrl`) is left as it is; automatic code of another
 * shape (a webpack upgrade) fails the build.
 */
export function canonicalPublicPath(source: string): string {
  if (UNDO_PATH.test(source)) return source.replace(UNDO_PATH, '$1 = new URL($2, scriptUrl).href;');
  if (NO_UNDO_PATH.test(source) || !source.includes('scriptUrl')) return source;
  throw new Error(`${NAME}: webpack's automatic publicPath code has changed; update the pattern in canonical-public-path-plugin.ts.`);
}

export class CanonicalPublicPathPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.runtimeModule.tap(NAME, (runtimeModule) => {
        const publicPath = runtimeModule as unknown as PublicPathModule;
        if (publicPath.name !== 'publicPath') return;
        const generate = publicPath.generate.bind(publicPath);
        publicPath.generate = () => {
          const source = generate();
          return source === null ? null : canonicalPublicPath(source);
        };
      });
    });
  }
}
