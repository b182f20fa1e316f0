/**
 * Modules the shell renders on every page, named by what they are, not by the
 * app that provides them: `import('@repo/federation/nav')` in @repo/shell is
 * the `./nav` of whichever app the registry says exposes it. Each app's build
 * rewrites the name to that app's remote module (see next-config), the types
 * come from that app's file (see remote-types), so moving the nav to another
 * app is a change of two package.json files.
 */
import { containerName, RegistryError, type AppEntry } from './registry';

/** Name the shell imports -> the expose key of the app that provides it. */
export const SHELL_MODULES: Record<string, string> = {
  '@repo/federation/nav': './nav',
};

export interface ShellModule {
  /** What the shell imports. */
  name: string;
  /** The remote module it is: `home/nav`. */
  request: string;
  /** The providing app's folder name and its file, relative to that folder. */
  app: string;
  file: string;
}

export function shellModules(registry: AppEntry[]): ShellModule[] {
  return Object.entries(SHELL_MODULES).map(([name, key]) => {
    const providers = registry.filter((app) => key in app.exposes);
    if (providers.length !== 1) {
      const which = providers.length === 0 ? 'no app exposes it' : `${providers.map((app) => app.name).join(' and ')} both expose it`;
      throw new RegistryError(`the shell renders "${key}" on every page, but ${which}: exactly one app's federation.exposes must list "${key}".`);
    }
    const app = providers[0] as AppEntry;
    return { name, request: `${containerName(app.name)}/${key.slice(2)}`, app: app.name, file: app.exposes[key] as string };
  });
}
