/**
 * What browser bundles get for `@module-federation/webpack-bundler-runtime`
 * (runtime-core-script.ts swaps it in). That package is two things: functions
 * that take the bundle's webpack require as an argument (loading remotes,
 * consuming and initialising shared modules, ...), and the bundle's own
 * federation state (its instance, init options, share scope). The functions
 * come from the page's one copy (the runtime-core script) instead of a copy in
 * every bundle (about 5 KB gzip each in the host's runtime and in every
 * `remoteEntry.js`); the state is made here, once per bundle, in the shape
 * the package's default export has.
 */

/** The package's exports that the runtime-core script puts on the page. */
interface PageBundlerRuntime {
  bundlerRuntime: Record<string, unknown>;
  attachShareScopeMap: unknown;
  runtime: unknown;
}

const GLOBAL = '_FEDERATION_BUNDLER_RUNTIME';

const page = (globalThis as typeof globalThis & { [GLOBAL]?: PageBundlerRuntime })[GLOBAL];
if (!page) {
  throw new Error(
    `${GLOBAL} is missing: the page must load the federation runtime script before the app's bundles (see @repo/federation/document).`,
  );
}

const federation = {
  runtime: page.runtime,
  instance: undefined,
  initOptions: undefined,
  // `S` (share scopes) is the bundle's own, as in the package.
  bundlerRuntime: { ...page.bundlerRuntime, S: {} },
  attachShareScopeMap: page.attachShareScopeMap,
  bundlerRuntimeOptions: {},
};

export default federation;
