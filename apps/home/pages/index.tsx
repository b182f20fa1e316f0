import { federated } from '@repo/federation/federated';
import type { NextPage } from 'next';
import type { ProductCardProps } from 'shop/product-card';

const ProductCard = federated(() => import('shop/product-card'), 'Product');

type Featured = ProductCardProps['product'];

interface HomeProps {
  featured: Featured[];
}

const HomePage: NextPage<HomeProps> = ({ featured }) => (
  <section aria-labelledby="home-title">
    <h1 id="home-title">Things we like</h1>
    <p>Three apps, one store: this page is home&apos;s, the cards are shop&apos;s, the cart is checkout&apos;s.</p>
    {featured.length === 0 ? (
      <p role="status">The shop is unavailable right now; featured products will be back shortly.</p>
    ) : (
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
        {featured.map((product) => (
          <ProductCard key={product.slug} product={product} />
        ))}
      </div>
    )}
  </section>
);

HomePage.getInitialProps = async () => {
  try {
    const { fetchProducts } = await import('shop/products-api');
    return { featured: (await fetchProducts()).slice(0, 3) };
  } catch (error) {
    console.error('[home] featured products unavailable:', error);
    return { featured: [] };
  }
};

export default HomePage;
