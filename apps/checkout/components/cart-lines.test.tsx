import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import CartLines from './cart-lines';

describe('cart lines', () => {
  it('says the cart is empty when it is', () => {
    expect(renderToStaticMarkup(<CartLines lines={[]} />)).toContain('Your cart is empty.');
  });

  it('lists every line with its subtotal and the total', () => {
    const html = renderToStaticMarkup(
      <CartLines
        lines={[
          { slug: 'mug', name: 'Mug', price: 1800, quantity: 2 },
          { slug: 'tote', name: 'Tote', price: 2400, quantity: 1 },
        ]}
      />,
    );
    expect(html).toContain('Mug');
    expect(html).toContain('$36.00');
    expect(html).toContain('$60.00');
  });
});
