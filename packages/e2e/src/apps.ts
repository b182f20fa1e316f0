import path from 'node:path';
import { discoverApps } from '@repo/federation/discover';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The registry: the apps as their folders declare them, with their default local URLs. */
export const registry = discoverApps(repoRoot).map((app) => ({ ...app, url: `http://localhost:${app.port}` }));

/** The demo's routes and what the server HTML of each must contain. */
export const routes = [
  { path: '/', heading: 'Things we like', owner: 'home' },
  { path: '/shop', heading: 'Shop', owner: 'shop' },
  { path: '/p/enamel-mug', heading: 'Enamel Mug', owner: 'shop' },
  { path: '/checkout', heading: 'Checkout', owner: 'checkout' },
] as const;
