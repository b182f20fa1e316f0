import { PageHead } from '@repo/shell/page-head';
import type { NextPage } from 'next';
import ProductCard from '../components/product-card';
import { fetchProducts, type Product } from '../lib/products-api';

interface ShopProps {
  products: Product[];
}

const ShopPage: NextPage<ShopProps> = ({ products }) => (
  <section aria-labelledby="shop-title">
    <PageHead title="Shop" description="Everything we sell, straight from the shop's catalogue." />
    <h1 id="shop-title">Shop</h1>
    <p>Everything we sell, straight from the shop&apos;s catalogue.</p>
    <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }}>
      {products.map((product) => (
        <ProductCard key={product.slug} product={product} />
      ))}
    </div>
  </section>
);

// getInitialProps (not getServerSideProps): it also runs when another app
// renders this page, on its server and on client navigation.
ShopPage.getInitialProps = async () => ({ products: await fetchProducts() });

export default ShopPage;
