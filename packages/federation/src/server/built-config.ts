/**
 * A production worker run from the monorepo (`next start`) takes its Next
 * config from the build, as a standalone artifact's server.js does, instead of
 * loading `next.config.ts`.
 *
 * Loading a `.ts` config makes Next require the whole `typescript` package
 * (to read tsconfig.json) into the server: ~9 MB of source text and the
 * compiler's objects stay on the worker's heap for its whole life, and every
 * full garbage collection walks them. That was a large part of a federated
 * page's extra server time against a plain Next app (README, "What federation
 * costs"). The build has already written the resolved config
 * (`required-server-files.json`), and Next reads it from this variable.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productionDistDir } from '../dist-dir';

/** Next's own variable for a config resolved at build time (its standalone server.js sets it the same way). */
export const BUILT_CONFIG_ENV = '__NEXT_PRIVATE_STANDALONE_CONFIG';

/**
 * Linux refuses to start a process with one environment string above 128 KiB (E2BIG). A config that
 * large (a long `env`, many image domains) is rare: its worker loads next.config.ts instead, as before.
 */
export const MAX_CONFIG_BYTES = 100_000;

/** The env that hands a worker of `appDir` its build's config; without the file (older Next), or past the bound, it loads next.config.ts. */
export function builtConfigEnv(appDir: string, env: Record<string, string | undefined>): Record<string, string> {
  const file = path.join(appDir, productionDistDir(env), 'required-server-files.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let config: unknown;
  try {
    ({ config } = JSON.parse(text) as { config?: unknown });
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): rebuild the app (pnpm build).`);
  }
  if (!config || typeof config !== 'object') throw new Error(`${file} has no config: rebuild the app (pnpm build).`);
  const value = JSON.stringify(config);
  return Buffer.byteLength(value) > MAX_CONFIG_BYTES ? {} : { [BUILT_CONFIG_ENV]: value };
}
