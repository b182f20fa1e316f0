import type { PublicAppEntry } from '@repo/federation/registry';

export interface NavLink {
  href: string;
  label: string;
}

/** One link per app, to the first route it owns that has no parameters; the site root first. */
export function navLinks(apps: Pick<PublicAppEntry, 'title' | 'routes'>[]): NavLink[] {
  const rootFirst = [...apps].sort((a, b) => Number(b.routes.includes('/')) - Number(a.routes.includes('/')));
  return rootFirst.flatMap((app) => {
    const href = app.routes.find((route) => !route.includes('['));
    return href ? [{ href, label: app.title }] : [];
  });
}
