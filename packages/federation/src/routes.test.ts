import { describe, expect, it } from 'vitest';
import { matchRoute, normalizePath, routeOwners } from './routes';

const apps = [
  { name: 'home', routes: ['/'] },
  { name: 'shop', routes: ['/shop', '/p/[slug]'] },
  { name: 'deals', routes: ['/p/today'] },
];

describe('matchRoute', () => {
  it('matches static and dynamic segments', () => {
    expect(matchRoute('/shop', '/shop')).toEqual({});
    expect(matchRoute('/p/[slug]', '/p/enamel-mug')).toEqual({ slug: 'enamel-mug' });
    expect(matchRoute('/p/[slug]', '/p/caf%C3%A9')).toEqual({ slug: 'café' });
  });

  it('does not match other lengths or literals', () => {
    expect(matchRoute('/p/[slug]', '/p')).toBeNull();
    expect(matchRoute('/p/[slug]', '/p/a/b')).toBeNull();
    expect(matchRoute('/shop', '/shops')).toBeNull();
  });
});

describe('normalizePath', () => {
  it('drops query, hash and trailing slashes', () => {
    expect(normalizePath('/shop/?sort=price#top')).toBe('/shop');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
  });
});

describe('routeOwners', () => {
  it('finds the owner and its route', () => {
    expect(routeOwners(apps)('/')).toEqual({ app: 'home', route: '/', params: {} });
    expect(routeOwners(apps)('/p/mug?x=1')).toEqual({ app: 'shop', route: '/p/[slug]', params: { slug: 'mug' } });
  });

  it('prefers a static route over a dynamic one, as Next does', () => {
    expect(routeOwners(apps)('/p/today')?.app).toBe('deals');
  });

  it('returns null for a path nobody owns', () => {
    expect(routeOwners(apps)('/nowhere')).toBeNull();
  });
});
