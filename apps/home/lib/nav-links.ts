import type { PublicAppEntry } from '@repo/federation/registry';

export interface NavLink {
  href: string;
  label: string;
}

/** One link per app, to the first route it owns that has no parameters. */
export function navLinks(apps: Pick<PublicAppEntry, 'title' | 'routes'>[]): NavLink[] {
  return apps.flatMap((app) => {
    const href = app.routes.find((route) => !route.includes('['));
    return href ? [{ href, label: app.title }] : [];
  });
}
