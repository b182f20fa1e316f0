/**
 * Assembles an app's deployable artifact after `next build`: Next's standalone
 * server with the static files it does not copy, the registry the app was
 * built with, and `start.cjs`, the supervisor bundled into one file. The
 * folder runs with `node start.cjs` and env alone, outside the monorepo.
 *
 * A package of its own because it needs esbuild: a package that depends on
 * both next and esbuild gets its own copy of next from pnpm (esbuild is an
 * optional peer in next's tree), and two copies of next break the router.
 */
import { cpSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const ARTIFACT_DIR = 'dist';
export const ARTIFACT_MANIFEST = 'federation.json';

export interface ArtifactInput<App extends { name: string }> {
  appDir: string;
  /** Next's build folder (usually .next). */
  distDir: string;
  app: App;
  apps: App[];
  /** Each bundled file of the artifact and its TypeScript entry: start.cjs, and what it preloads into workers. */
  bundles: Record<string, string>;
}

export interface ArtifactManifest<App> {
  app: string;
  apps: App[];
}

export async function assembleArtifact<App extends { name: string }>(input: ArtifactInput<App>): Promise<string> {
  const { appDir, app, apps } = input;
  const distDir = path.join(appDir, input.distDir);
  const standalone = path.join(distDir, 'standalone');
  if (!existsSync(standalone)) throw new Error(`${standalone} is missing: is output 'standalone' set?`);
  const out = path.join(appDir, ARTIFACT_DIR);
  const staging = `${out}.staging`;
  rmSync(staging, { recursive: true, force: true });
  try {
    cpSync(standalone, staging, { recursive: true, verbatimSymlinks: true });
    const appInArtifact = path.join(staging, 'apps', app.name);
    cpSync(path.join(distDir, 'static'), path.join(appInArtifact, '.next', 'static'), { recursive: true });
    if (existsSync(path.join(appDir, 'public'))) {
      cpSync(path.join(appDir, 'public'), path.join(appInArtifact, 'public'), { recursive: true });
    }
    const manifest: ArtifactManifest<App> = { app: app.name, apps };
    writeFileSync(path.join(staging, ARTIFACT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [file, entry] of Object.entries(input.bundles)) {
      await build({
        entryPoints: [entry],
        outfile: path.join(staging, file),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
      });
    }
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return out;
}
