/**
 * `federation dev|build|start|typecheck|new-app`, run from an app folder
 * (typecheck from any package, new-app from anywhere in the repo): every app's
 * scripts are these words, so the apps stay
 * identical and the knowledge of how to run a federated Next app lives here.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ARTIFACT_DIR, assembleArtifact } from '@repo/artifact';
import { discoverApps, findRepoRoot } from '../discover';
import { DEFAULT_DIST_DIR, productionDistDir } from '../dist-dir';
import { ARTIFACT_DOOR, ARTIFACT_START } from '../server/door-files';
import { originsFromEnv } from '../origins';
import type { AppEntry } from '../registry';
import { writeRemoteTypes } from '../remote-types';
import { nextEnv, startServer } from '../server/start';
import { newAppCommand } from './new-app';

const COMMANDS = ['dev', 'build', 'start'] as const;
type Command = (typeof COMMANDS)[number];

function exitWith(message: string): never {
  console.error(`federation: ${message}`);
  process.exit(1);
}

/** `next build`, then the standalone artifact in apps/<name>/dist. */
function build(appDir: string, app: AppEntry, apps: AppEntry[]): void {
  const nextBin = createRequire(path.join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: appDir, stdio: 'inherit', env: nextEnv(process.env) });
  child.on('exit', (code, signal) => {
    if (code !== 0) process.exit(code ?? (signal ? 1 : 0));
    const distDir = productionDistDir(process.env);
    // A build beside the served one is for `federation start` with the same FEDERATION_DIST_DIR. Its
    // artifact would replace the served build's dist, and an artifact starts from `.next` anyway.
    if (distDir !== DEFAULT_DIST_DIR) {
      console.log(`federation: built into ${distDir}, no standalone artifact (only a build into ${DEFAULT_DIST_DIR} makes one; ${ARTIFACT_DIR} is left as it is)`);
      return;
    }
    const server = path.join(__dirname, '..', 'server');
    const bundles = { [ARTIFACT_START]: path.join(server, 'standalone-main.ts'), [ARTIFACT_DOOR]: path.join(server, 'door.ts') };
    assembleArtifact({ appDir, distDir, app, apps, bundles })
      .then((dir) => console.log(`federation: standalone artifact in ${path.relative(process.cwd(), dir)} (run: node ${ARTIFACT_START})`))
      .catch((error: unknown) => exitWith(`assembling the artifact failed: ${(error as Error).message}`));
  });
}

/** The remote modules' types (see remote-types), then `tsc --noEmit` in the current package. */
function typecheck(): void {
  writeRemoteTypes(findRepoRoot(process.cwd()));
  const tsc = createRequire(path.join(process.cwd(), 'package.json')).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '--noEmit', ...process.argv.slice(3)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  if (process.argv[2] === 'new-app') return newAppCommand(process.argv.slice(3));
  // Any package of the repo, not only an app folder.
  if (process.argv[2] === 'typecheck') return typecheck();
  const command = process.argv[2] as Command;
  if (!COMMANDS.includes(command)) exitWith(`usage: federation <${COMMANDS.join('|')}|typecheck|new-app <name>>`);
  const appDir = process.cwd();
  const apps = discoverApps(findRepoRoot(appDir));
  const app = apps.find((candidate) => candidate.name === path.basename(appDir));
  if (!app) exitWith(`run this command from an app folder (apps/<name>), not ${appDir}.`);

  // Next reads the app's tsconfig, which extends the remote modules' types: written before it runs.
  if (command !== 'start') writeRemoteTypes(findRepoRoot(appDir));
  if (command === 'build') {
    originsFromEnv(apps, process.env);
    return build(appDir, app, apps);
  }
  await startServer({ app, apps, appDir, mode: command });
}

main().catch((error: unknown) => exitWith(error instanceof Error ? error.message : String(error)));
