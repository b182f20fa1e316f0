/**
 * Matches a URL path against the routes apps own (Next pages syntax), so any
 * app can tell which app renders a path it has no page for.
 */
import type { PublicAppEntry } from './registry';

export type RouteParams = Record<string, string>;

export interface RouteMatch {
  app: string;
  /** The owner's page route, as in its pages-map: `/p/[slug]`. */
  route: string;
  params: RouteParams;
}

/** `/p/[slug]` against `/p/mug` -> `{ slug: 'mug' }`; null when it does not match. */
export function matchRoute(route: string, pathname: string): RouteParams | null {
  const routeParts = route.split('/').filter(Boolean);
  const pathParts = normalizePath(pathname).split('/').filter(Boolean);
  if (routeParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (const [index, part] of routeParts.entries()) {
    const actual = pathParts[index] as string;
    const param = /^\[(.+)\]$/.exec(part);
    if (param) params[param[1] as string] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/** Strips the query, hash and a trailing slash. */
export function normalizePath(pathOrUrl: string): string {
  const pathname = pathOrUrl.split(/[?#]/)[0] ?? '/';
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return trimmed === '' ? '/' : trimmed;
}

/** Static routes win over dynamic ones, as in Next's own router. */
export function findRouteOwner(apps: Pick<PublicAppEntry, 'name' | 'routes'>[], pathname: string): RouteMatch | null {
  const candidates = apps.flatMap((app) => app.routes.map((route) => ({ app: app.name, route })));
  candidates.sort((a, b) => dynamicSegments(a.route) - dynamicSegments(b.route));
  for (const { app, route } of candidates) {
    const params = matchRoute(route, pathname);
    if (params) return { app, route, params };
  }
  return null;
}

function dynamicSegments(route: string): number {
  return (route.match(/\[/g) ?? []).length;
}
