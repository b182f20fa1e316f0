import { describe, expect, it } from 'vitest';
import { findProduct, products } from './products';

describe('catalogue', () => {
  it('has unique slugs that are safe in a URL path', () => {
    const slugs = products.map((product) => product.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('prices every product in whole cents', () => {
    for (const product of products) expect(Number.isInteger(product.price) && product.price > 0).toBe(true);
  });

  it('finds a product by slug and nothing for an unknown one', () => {
    expect(findProduct('enamel-mug')?.name).toBe('Enamel Mug');
    expect(findProduct('no-such-thing')).toBeUndefined();
  });
});
