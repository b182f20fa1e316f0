import type { NextPage } from 'next';
import Link from 'next/link';
import { useRouter } from 'next/router';
import { formatPrice } from '@repo/cart';
import { federated } from '@repo/federation/federated';
import { PageHead } from '@repo/shell/page-head';
import { fetchProduct, type Product } from '../../lib/products-api';

const AddToCart = federated(() => import('checkout/add-to-cart'), 'Add to cart');

interface ProductProps {
  product: Product | null;
}

const ProductPage: NextPage<ProductProps> = ({ product }) => {
  // Uses next/router inside a page other apps render: proves the router works across apps.
  const router = useRouter();
  if (!product) {
    return (
      <section>
        <PageHead title="Product not found" description="No product is sold at this address." />
        <h1>Product not found</h1>
        <p>
          Nothing is sold at {router.asPath}. <Link href="/shop">Back to the shop</Link>
        </p>
      </section>
    );
  }
  return (
    <article aria-labelledby="product-title">
      <PageHead title={product.name} description={product.summary} />
      <p>
        <Link href="/shop">← All products</Link>
      </p>
      <h1 id="product-title">{product.name}</h1>
      <p data-testid="product-price" style={{ fontSize: '1.25rem', fontWeight: 600 }}>
        {formatPrice(product.price)}
      </p>
      <p>{product.description}</p>
      <AddToCart item={{ slug: product.slug, name: product.name, price: product.price }} />
    </article>
  );
};

ProductPage.getInitialProps = async ({ query, res }) => {
  const product = await fetchProduct(String(query.slug));
  if (!product && res) res.statusCode = 404;
  return { product };
};

export default ProductPage;
