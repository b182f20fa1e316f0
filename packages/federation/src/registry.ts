/**
 * The registry of federated apps: what every app declares about itself in the
 * `federation` field of its package.json, checked as a whole. Pure (no fs), so
 * the same checks run at build time, at server start and in unit tests.
 */

/** What an app declares in `apps/<name>/package.json` under `federation`. */
export interface AppDeclaration {
  /** Label for the site navigation. */
  title: string;
  /** Default port; `PORT` overrides it at start time. */
  port: number;
  /** Page routes this app owns, in Next's pages syntax (`/p/[slug]`). */
  routes: string[];
  /** Modules other apps may import: `./nav` -> `./components/nav.tsx`. */
  exposes: Record<string, string>;
}

export interface AppEntry extends AppDeclaration {
  /** Folder and package name: lowercase kebab-case. */
  name: string;
}

/** The part of an entry every bundle needs at run time (no source paths). */
export type PublicAppEntry = Omit<AppEntry, 'exposes'> & { exposes: string[] };

export class RegistryError extends Error {
  constructor(message: string) {
    super(`Federation registry: ${message}`);
    this.name = 'RegistryError';
  }
}

export const APP_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ROUTE_PATTERN = /^\/([a-z0-9-]+|\[[a-z][a-zA-Z0-9]*\])(\/([a-z0-9-]+|\[[a-z][a-zA-Z0-9]*\]))*$|^\/$/;
const EXPOSE_KEY_PATTERN = /^\.\/[a-z][a-z0-9-]*$/;

/** Module Federation container names must be identifiers: `my-app` -> `my_app`. */
export function containerName(appName: string): string {
  return appName.replace(/-/g, '_');
}

/** The reverse: of the given app names, the one whose container is `container` (`gift_cards` -> `gift-cards`). */
export function appOfContainer(appNames: Iterable<string>, container: string): string | undefined {
  for (const name of appNames) if (containerName(name) === container) return name;
  return undefined;
}

function fail(app: string, field: string, problem: string): never {
  throw new RegistryError(
    `app "${app}" has ${problem} in "federation.${field}" (apps/${app}/package.json).`,
  );
}

/** Checks one app's raw `federation` field and returns it typed. */
export function parseDeclaration(name: string, raw: unknown): AppEntry {
  if (!APP_NAME_PATTERN.test(name)) {
    throw new RegistryError(
      `app folder "${name}" is not a valid app name: use lowercase kebab-case starting with a letter.`,
    );
  }
  if (raw === undefined) {
    throw new RegistryError(
      `app "${name}" has no "federation" field in apps/${name}/package.json: add { title, port, routes, exposes }.`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RegistryError(`app "${name}": "federation" in apps/${name}/package.json must be an object.`);
  }
  const field = raw as Record<string, unknown>;

  const { title, port, routes, exposes } = field;
  if (typeof title !== 'string' || title.trim() === '') fail(name, 'title', 'a missing or empty string');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail(name, 'port', 'a missing or invalid port (an integer from 1 to 65535)');
  }
  if (!Array.isArray(routes) || routes.length === 0) fail(name, 'routes', 'a missing or empty list');
  for (const route of routes) {
    if (typeof route !== 'string' || !ROUTE_PATTERN.test(route)) {
      fail(name, 'routes', `an invalid route ${JSON.stringify(route)} (use "/path" or "/path/[param]")`);
    }
  }
  if (typeof exposes !== 'object' || exposes === null || Array.isArray(exposes)) {
    fail(name, 'exposes', 'a missing object');
  }
  for (const [key, file] of Object.entries(exposes as Record<string, unknown>)) {
    if (!EXPOSE_KEY_PATTERN.test(key)) fail(name, 'exposes', `an invalid key "${key}" (use "./kebab-name")`);
    if (typeof file !== 'string' || !file.startsWith('./')) {
      fail(name, 'exposes', `an invalid path for "${key}" (use a "./relative/file.tsx" path)`);
    }
  }
  return {
    name,
    title: title as string,
    port: port as number,
    routes: routes as string[],
    exposes: exposes as Record<string, string>,
  };
}

/** Checks the apps against each other: unique names, ports and routes. */
export function buildRegistry(entries: AppEntry[]): AppEntry[] {
  if (entries.length === 0) throw new RegistryError('no apps found under apps/: add at least one app folder.');
  const byName = new Map<string, string>();
  const byPort = new Map<number, string>();
  const byRoute = new Map<string, string>();
  for (const app of entries) {
    const container = containerName(app.name);
    const clash = byName.get(container);
    if (clash) throw new RegistryError(`apps "${clash}" and "${app.name}" have the same name: rename one folder.`);
    byName.set(container, app.name);

    const portOwner = byPort.get(app.port);
    if (portOwner) {
      throw new RegistryError(
        `apps "${portOwner}" and "${app.name}" both use port ${app.port} in "federation.port": give one a free port.`,
      );
    }
    byPort.set(app.port, app.name);

    for (const route of app.routes) {
      const key = routeShape(route);
      const routeOwner = byRoute.get(key);
      if (routeOwner) {
        throw new RegistryError(
          `route "${route}" is owned by both "${routeOwner}" and "${app.name}" in "federation.routes": keep it in one app.`,
        );
      }
      byRoute.set(key, app.name);
    }
  }
  return [...entries].sort((a, b) => a.port - b.port);
}

/** Two routes clash when they match the same paths: `/p/[id]` and `/p/[slug]`. */
function routeShape(route: string): string {
  return route.replace(/\[[^\]]+\]/g, '[]');
}

export function toPublic(app: AppEntry): PublicAppEntry {
  return { ...app, exposes: Object.keys(app.exposes) };
}
