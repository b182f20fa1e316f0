import { describe, expect, it } from 'vitest';
import { navLinks } from './nav-links';

describe('navLinks', () => {
  it('links every app to its first static route, home first', () => {
    expect(
      navLinks([
        { title: 'Shop', routes: ['/shop', '/p/[slug]'] },
        { title: 'Home', routes: ['/'] },
      ]),
    ).toEqual([
      { href: '/', label: 'Home' },
      { href: '/shop', label: 'Shop' },
    ]);
  });

  it('skips an app that owns only parameterised routes', () => {
    expect(navLinks([{ title: 'Blog', routes: ['/b/[id]'] }])).toEqual([]);
  });
});
