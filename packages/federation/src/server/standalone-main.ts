/**
 * Entry of a standalone artifact (`node start.cjs`), bundled by @repo/artifact.
 * Everything it needs is in its folder: federation.json (the registry the app
 * was built with) and apps/<name>/server.js (Next's standalone server).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactManifest } from '@repo/artifact';
import type { AppEntry } from '../registry';
import { ARTIFACT_DOOR } from './door-files';
import { startServer } from './start';

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, 'federation.json'), 'utf8')) as ArtifactManifest<AppEntry>;
  const app = manifest.apps.find((candidate) => candidate.name === manifest.app);
  if (!app) throw new Error(`federation.json names app "${manifest.app}" but does not list it: rebuild the artifact.`);
  const appDir = path.join(__dirname, 'apps', app.name);
  await startServer({ app, apps: manifest.apps, appDir, mode: 'start', serverScript: path.join(appDir, 'server.js'), doorScript: path.join(__dirname, ARTIFACT_DOOR) });
}

main().catch((error: unknown) => {
  console.error(`federation: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
