/**
 * `pnpm new-app <name>`: adds apps/<name> with the standard shape and links it
 * into the workspace with `pnpm install`. The command is all or nothing: the
 * files are written to a hidden folder first and renamed into place, and if the
 * install then fails or is interrupted, the app folder is removed and the root
 * files pnpm may have rewritten are put back byte for byte, so a failure leaves
 * the tree as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discoverApps, findRepoRoot } from '../discover';
import { originEnvVar } from '../origins';
import { nameProblem, nextFreePort, titleFor } from './app-name';
import { appFiles } from './app-template';
import { K8S_DIR, k8sManifest, SHARED_MANIFEST, withOrigin } from './k8s-manifest';
import { isFree } from '../server/port';

export class NewAppError extends Error {}

function pinnedVersions(): Record<string, string> {
  const own = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return { ...own.peerDependencies, ...own.devDependencies };
}

/** The app's files outside its folder: its Kubernetes manifest, and the shared config with its origin. */
function deployFiles(repoRoot: string, name: string): Record<string, string> {
  const shared = path.join(repoRoot, SHARED_MANIFEST);
  if (!existsSync(shared)) return {}; // a repo without deploy/k8s
  return {
    [path.join(repoRoot, K8S_DIR, `${name}.yaml`)]: k8sManifest(name),
    [shared]: withOrigin(readFileSync(shared, 'utf8'), name),
  };
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
  // Made before anything is written: a problem with them writes nothing.
  const deploy = deployFiles(repoRoot, name);
  const staging = path.join(repoRoot, 'apps', `.new-app-${name}-${process.pid}`);
  const before = new Map(Object.keys(deploy).map((file) => [file, existsSync(file) ? readFileSync(file) : null]));
  try {
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
      writeFileSync(path.join(staging, file), content);
    }
    renameSync(staging, dir);
    for (const [file, content] of Object.entries(deploy)) writeFileSync(file, content);
  } catch (error) {
    // A write that failed half-way (disk full) leaves nothing behind either.
    rmSync(dir, { recursive: true, force: true });
    restore(before);
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { dir, port };
}

/**
 * The tracked files outside the app folder that the command or `pnpm install`
 * may write: deploy/k8s (the app's manifest, its origin), the lockfile, and the
 * root manifests where pnpm can record settings such as build approvals. The
 * rest pnpm writes is in node_modules, which is not tracked; the next install
 * redoes it.
 */
const WRITES_OUTSIDE_APP = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', SHARED_MANIFEST];

/** Each file's bytes, or null if absent. */
function snapshot(repoRoot: string, name: string): Map<string, Buffer | null> {
  const files = [...WRITES_OUTSIDE_APP, `${K8S_DIR}/${name}.yaml`].map((file) => path.join(repoRoot, file));
  return new Map(files.map((file) => [file, existsSync(file) ? readFileSync(file) : null]));
}

function restore(saved: Map<string, Buffer | null>): void {
  for (const [file, content] of saved) {
    if (content === null) rmSync(file, { force: true });
    else if (!existsSync(file) || !readFileSync(file).equals(content)) writeFileSync(file, content);
  }
}

/**
 * Runs the install; resolves to what went wrong, or null. SIGINT/SIGTERM are
 * caught while it runs so the rollback can happen: they are passed on to pnpm
 * (Ctrl-C already reaches it through the process group) and we wait for it to
 * exit, so it cannot write after the rollback.
 */
function install(repoRoot: string): Promise<string | null> {
  return new Promise((resolve) => {
    // The lockfile gains the new app: allowed even where CI makes pnpm default to a frozen lockfile.
    const args = ['install', '--prefer-offline', '--no-frozen-lockfile'];
    let interrupted: NodeJS.Signals | undefined;
    const running: { child?: ReturnType<typeof spawn> } = {};
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = signal;
      running.child?.kill(signal);
    };
    const done = (problem: string | null) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      resolve(problem);
    };
    // Listening before pnpm starts: a signal that arrives as it starts (a busy machine) still rolls back.
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
    const child = spawn('pnpm', args, { cwd: repoRoot, stdio: 'inherit' });
    running.child = child;
    child.on('error', (error) => done(`could not be run (${error.message})`));
    child.on('close', (code, signal) => {
      // pnpm killed by a signal was interrupted too (Ctrl-C reaches the whole terminal group).
      const stoppedBy = interrupted ?? signal;
      if (stoppedBy) done(`was interrupted (${stoppedBy})`);
      else if (code !== 0) done(`failed (exit ${code})`);
      else done(null);
    });
  });
}

export async function newAppCommand(args: string[]): Promise<void> {
  const repoRoot = findRepoRoot(process.cwd());
  const name = args[0] ?? '';
  const saved = snapshot(repoRoot, name);
  const { dir, port } = await createApp(repoRoot, name);
  console.log(`Created apps/${name} (port ${port}, route /${name}, exposes ${name.replace(/-/g, '_')}/card).`);
  if (existsSync(path.join(repoRoot, K8S_DIR, `${name}.yaml`))) {
    console.log(`Added ${K8S_DIR}/${name}.yaml and ${originEnvVar(name)} in ${SHARED_MANIFEST} (set its real origin there).`);
  }
  if (!args.includes('--no-install')) {
    console.log('Linking it into the workspace (pnpm install)...');
    const problem = await install(repoRoot);
    if (problem) {
      rmSync(dir, { recursive: true, force: true });
      restore(saved);
      throw new NewAppError(
        `pnpm install ${problem}: nothing was changed; fix the cause and run pnpm new-app ${name} again.`,
      );
    }
  }
  console.log(`
Next:
  pnpm build && pnpm start        # every app now serves /${name} and links to it in the nav
  pnpm --filter ${name} dev       # work on it (or pnpm dev for all apps)
  pnpm --filter ${name} test      # its unit test`);
}
