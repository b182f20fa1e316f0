/**
 * Rules for a new app's name. The name becomes a folder, a package name, a
 * route (`/<name>`), an env var prefix and a Module Federation container,
 * which is a global in the browser.
 */
import { APP_NAME_PATTERN, containerName, type AppEntry } from '../registry';

/** Words the apps' URLs, Next or the browser already use. */
const RESERVED = new Set([
  'api', '_next', 'next', 'static', 'public', 'pages', 'app', 'apps', 'packages', 'node-modules', 'federation',
  'favicon', 'robots', 'sitemap', 'index', 'new-app', 'repo', 'react', 'webpack', 'window', 'document', 'self',
  'top', 'parent', 'name', 'location', 'history', 'navigator', 'console', 'screen', 'frames', 'opener', 'origin',
  'status', 'length', 'closed', 'event', 'external', 'fetch', 'crypto', 'performance', 'caches', 'global',
  'global-this', 'process', 'require', 'module', 'exports',
]);

/** The reason a name cannot be used, or null when it can. */
export function nameProblem(name: string, apps: AppEntry[]): string | null {
  if (!APP_NAME_PATTERN.test(name)) {
    return `"${name}" is not a valid app name: use lowercase kebab-case starting with a letter, e.g. "gift-cards".`;
  }
  if (apps.some((app) => containerName(app.name) === containerName(name))) {
    return `an app named "${name}" already exists in apps/.`;
  }
  const usedSegments = new Set(apps.flatMap((app) => app.routes.map((route) => route.split('/')[1] ?? '')));
  if (RESERVED.has(name) || usedSegments.has(name)) {
    return `"${name}" is a word the apps already use (a route, Next or browser name): pick another name.`;
  }
  return null;
}

/** `gift-cards` -> `Gift Cards`. */
export function titleFor(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The lowest port above every registered one that `isFree` accepts. */
export async function nextFreePort(apps: AppEntry[], isFree: (port: number) => Promise<boolean>): Promise<number> {
  let port = Math.max(2999, ...apps.map((app) => app.port)) + 1;
  while (!(await isFree(port))) port += 1;
  return port;
}
