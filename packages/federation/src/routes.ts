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
  return compileRoute(route)(pathParts(pathname));
}

type Segment = { param: string } | { literal: string };

/** A route's segments read once; the matcher takes a path's segments. */
function compileRoute(route: string): (parts: string[]) => RouteParams | null {
  const segments: Segment[] = route
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const param = /^\[(.+)\]$/.exec(part);
      return param ? { param: param[1] as string } : { literal: part };
    });
  return (parts) => {
    if (parts.length !== segments.length) return null;
    const params: RouteParams = {};
    for (const [index, segment] of segments.entries()) {
      const actual = parts[index] as string;
      if ('param' in segment) params[segment.param] = decodeURIComponent(actual);
      else if (segment.literal !== actual) return null;
    }
    return params;
  };
}

function pathParts(pathname: string): string[] {
  return normalizePath(pathname).split('/').filter(Boolean);
}

/** Strips the query, hash and a trailing slash. */
export function normalizePath(pathOrUrl: string): string {
  const pathname = pathOrUrl.split(/[?#]/)[0] ?? '/';
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return trimmed === '' ? '/' : trimmed;
}

/**
 * Finds a path's owner among `apps` (static routes win over dynamic ones, as in
 * Next's own router). The routes are read and ordered once: the catch-all asks
 * on every request, and the registry does not change.
 */
export function routeOwners(apps: Pick<PublicAppEntry, 'name' | 'routes'>[]): (pathname: string) => RouteMatch | null {
  const candidates = apps.flatMap((app) => app.routes.map((route) => ({ app: app.name, route, match: compileRoute(route) })));
  candidates.sort((a, b) => dynamicSegments(a.route) - dynamicSegments(b.route));
  return (pathname) => {
    const parts = pathParts(pathname);
    for (const { app, route, match } of candidates) {
      const params = match(parts);
      if (params) return { app, route, params };
    }
    return null;
  };
}

function dynamicSegments(route: string): number {
  return (route.match(/\[/g) ?? []).length;
}
