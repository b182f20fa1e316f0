import { expect } from '@playwright/test';
import { registry, routes } from './apps';

/**
 * Every route from every app, over plain HTTP: status 200 and the real markup
 * of the page and its remote parts (nav, cart badge), no fallback anywhere.
 */
export async function expectEveryRouteServerRendered(urlOf: (app: string) => string): Promise<void> {
  for (const host of registry) {
    for (const route of routes) {
      const response = await fetch(`${urlOf(host.name)}${route.path}`);
      const html = await response.text();
      expect(response.status, `${host.name} ${route.path}`).toBe(200);
      expect(html, `${host.name} ${route.path}`).toContain(route.heading);
      expect(html, `${host.name} ${route.path}`).toContain('aria-label="Cart, 0 items"');
      expect(html, `${host.name} ${route.path}`).not.toContain('data-remote-fallback');
      // Nothing of the default origins leaks into what is served on other ports.
      if (!urlOf(host.name).includes(':300')) expect(html).not.toMatch(/localhost:300\d/);
    }
  }
}
