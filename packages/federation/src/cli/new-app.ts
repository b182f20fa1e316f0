/**
 * `pnpm new-app <name>`: adds apps/<name> with the standard shape. The files
 * are written to a hidden folder first and renamed into place, so a failure
 * leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discoverApps, findRepoRoot } from '../discover';
import { nameProblem, nextFreePort, titleFor } from './app-name';
import { appFiles } from './app-template';
import { isFree } from './port';

export class NewAppError extends Error {}

function pinnedVersions(): Record<string, string> {
  const own = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return { ...own.peerDependencies, ...own.devDependencies };
}

export async function createApp(repoRoot: string, name: string | undefined): Promise<{ dir: string; port: number }> {
  if (!name) throw new NewAppError('usage: pnpm new-app <name>   (lowercase kebab-case, e.g. gift-cards)');
  const apps = discoverApps(repoRoot);
  const problem = nameProblem(name, apps);
  if (problem) throw new NewAppError(problem);
  const dir = path.join(repoRoot, 'apps', name);
  if (existsSync(dir)) throw new NewAppError(`apps/${name} already exists: remove it or pick another name.`);

  const port = await nextFreePort(apps, isFree);
  const files = appFiles({ name, title: titleFor(name), port, versions: pinnedVersions() });
  const staging = path.join(repoRoot, 'apps', `.new-app-${name}-${process.pid}`);
  try {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), content);
    }
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { dir, port };
}

export async function newAppCommand(args: string[]): Promise<void> {
  const repoRoot = findRepoRoot(process.cwd());
  const name = args[0] ?? '';
  const { port } = await createApp(repoRoot, name);
  console.log(`Created apps/${name} (port ${port}, route /${name}, exposes ${name.replace(/-/g, '_')}/card).`);
  if (!args.includes('--no-install')) {
    console.log('Linking it into the workspace (pnpm install)...');
    // The lockfile gains the new app: allowed even where CI makes pnpm default to a frozen lockfile.
    execFileSync('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: repoRoot, stdio: 'inherit' });
  }
  console.log(`
Next:
  pnpm build && pnpm start        # every app now serves /${name} and links to it in the nav
  pnpm --filter ${name} dev       # work on it (or pnpm dev for all apps)
  pnpm --filter ${name} test      # its unit test`);
}
