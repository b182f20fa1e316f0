/**
 * Where Next writes a build. `FEDERATION_DIST_DIR` lets a second build of an
 * app sit beside the one being served (build the next version while the
 * current one runs, then restart onto it); dev servers get folders of their own.
 */
export const DEV_DIST_DIR = '.next-dev';
export const DEFAULT_DIST_DIR = '.next';

export function productionDistDir(env: Record<string, string | undefined>): string {
  return env.FEDERATION_DIST_DIR || DEFAULT_DIST_DIR;
}

export function devDistDir(env: NodeJS.ProcessEnv): string {
  return env.FEDERATION_DEV_DIST_DIR || DEV_DIST_DIR;
}
