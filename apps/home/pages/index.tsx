import { federated } from '@repo/federation/federated';
import { isDownError } from '@repo/federation/remote-state';
import { PageHead } from '@repo/shell/page-head';
import type { NextPage } from 'next';
import type { ProductCardProps } from 'shop/product-card';

const ProductCard = federated(() => import('shop/product-card'), 'Product');

type Featured = ProductCardProps['product'];

interface HomeProps {
  featured: Featured[];
}

const HomePage: NextPage<HomeProps> = ({ featured }) => (
  <section aria-labelledby="home-title">
    <PageHead title="Things we like" description="Featured products from the shop, on home's landing page." />
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
    // Shop down or starting is news, and the page says so; anything else is a bug worth its stack.
    if (isDownError('shop', error)) console.warn(`[home] featured products unavailable: ${(error as Error).message}`);
    else console.error('[home] featured products failed:', error);
    return { featured: [] };
  }
};

export default HomePage;
