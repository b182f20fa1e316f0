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
import { RegistryError, type AppEntry } from '../registry';
import { resolvePort } from './port';

const COMMANDS = ['dev', 'build', 'start'] as const;
type Command = (typeof COMMANDS)[number];

function exitWith(message: string): never {
  console.error(`federation: ${message}`);
  process.exit(1);
}

function currentApp(appDir: string): AppEntry {
  const apps = discoverApps(findRepoRoot(appDir));
  const name = path.basename(appDir);
  const app = apps.find((candidate) => candidate.name === name);
  if (!app) exitWith(`run this command from an app folder (apps/<name>), not ${appDir}.`);
  // Fail at start, with the variable's name, rather than on the first request.
  originsFromEnv(apps, process.env);
  return app;
}

function nextArgs(command: Command, port: number): string[] {
  if (command === 'build') return ['build'];
  return [command, '--port', String(port)];
}

async function main(): Promise<void> {
  const command = process.argv[2] as Command;
  if (!COMMANDS.includes(command)) exitWith(`usage: federation <${COMMANDS.join('|')}>`);
  const appDir = process.cwd();
  const app = currentApp(appDir);
  const port = command === 'build' ? app.port : await resolvePort(process.env.PORT, app);
  const nextBin = createRequire(path.join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, ...nextArgs(command, port)], {
    cwd: appDir,
    stdio: 'inherit',
    // nextjs-mf needs Next to use the app's own webpack (see FIELD-NOTES / README).
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NEXT_PRIVATE_LOCAL_WEBPACK: 'true', PORT: String(port) },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  if (error instanceof RegistryError || error instanceof Error) exitWith(error.message);
  throw error;
});
