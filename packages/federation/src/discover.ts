/**
 * Finds the apps by reading `apps/<name>/package.json` files: adding or removing
 * an app folder is the only step needed to change the registry. Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRegistry, parseDeclaration, RegistryError, type AppEntry } from './registry';

/** Walks up from `start` to the folder holding pnpm-workspace.yaml. */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new RegistryError(`no pnpm-workspace.yaml above ${start}: run from inside the repo.`);
    dir = parent;
  }
}

export function discoverApps(repoRoot: string): AppEntry[] {
  const appsDir = path.join(repoRoot, 'apps');
  const folders = existsSync(appsDir)
    ? readdirSync(appsDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    : [];
  const entries = folders
    .filter((folder) => existsSync(path.join(appsDir, folder.name, 'package.json')))
    .map((folder) => {
      const file = path.join(appsDir, folder.name, 'package.json');
      let pkg: { name?: unknown; federation?: unknown };
      try {
        pkg = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new RegistryError(`apps/${folder.name}/package.json is not valid JSON: ${(error as Error).message}`);
      }
      if (pkg.name !== folder.name) {
        throw new RegistryError(
          `app "${folder.name}" has "name": ${JSON.stringify(pkg.name)} in apps/${folder.name}/package.json: it must equal the folder name.`,
        );
      }
      return parseDeclaration(folder.name, pkg.federation);
    });
  return buildRegistry(entries);
}
