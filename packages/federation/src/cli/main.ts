/**
 * `federation dev|build|start`, run from an app folder: every app's scripts are
 * these three words, so the apps stay identical and the knowledge of how to run
 * a federated Next app lives here.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { discoverApps, findRepoRoot } from '../discover';
import { originsFromEnv } from '../origins';
import { runSupervisor } from '../server/supervisor';
import { newAppCommand } from './new-app';
import { resolvePort } from './port';
import { checkSecret } from './secret';

const COMMANDS = ['dev', 'build', 'start'] as const;
type Command = (typeof COMMANDS)[number];

function exitWith(message: string): never {
  console.error(`federation: ${message}`);
  process.exit(1);
}

/** nextjs-mf needs Next to use the app's own webpack (see README, "Version pins"). */
const nextEnv = (): NodeJS.ProcessEnv => ({
  NEXT_TELEMETRY_DISABLED: '1',
  ...process.env,
  NEXT_PRIVATE_LOCAL_WEBPACK: 'true',
});

function build(appDir: string): void {
  const nextBin = createRequire(path.join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: appDir, stdio: 'inherit', env: nextEnv() });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  if (process.argv[2] === 'new-app') return newAppCommand(process.argv.slice(3));
  const command = process.argv[2] as Command;
  if (!COMMANDS.includes(command)) exitWith(`usage: federation <${COMMANDS.join('|')}|new-app <name>>`);
  const appDir = process.cwd();
  const apps = discoverApps(findRepoRoot(appDir));
  const app = apps.find((candidate) => candidate.name === path.basename(appDir));
  if (!app) exitWith(`run this command from an app folder (apps/<name>), not ${appDir}.`);
  // Bad origins fail here, naming the variable, not on the first request.
  originsFromEnv(apps, process.env);

  if (command === 'build') return build(appDir);
  checkSecret(process.env);
  const port = await resolvePort(process.env.PORT, app);
  await runSupervisor({ app, apps, appDir, mode: command, port, env: nextEnv() });
}

main().catch((error: unknown) => exitWith(error instanceof Error ? error.message : String(error)));
