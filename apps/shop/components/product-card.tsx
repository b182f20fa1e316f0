import { formatPrice } from '@repo/cart';
import Link from 'next/link';
import type { Product } from '../data/products';
import tag from '../images/tag.svg';
import styles from './product-card.module.css';

export interface ProductCardProps {
  product: Pick<Product, 'slug' | 'name' | 'price' | 'summary'>;
}

export default function ProductCard({ product }: ProductCardProps) {
  return (
    <article className={styles.card} data-testid="product-card">
      {/* A remote's image keeps its own origin's URL (tag.src): next/image would send it through the
          rendering host's optimizer, which serves only that host's files. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={tag.src} width={48} height={48} alt="" data-testid="product-image" />
      <div>
        <h2 className={styles.name}>
          <Link href={`/p/${product.slug}`}>{product.name}</Link>
        </h2>
        <span className={styles.price}>{formatPrice(product.price)}</span>
        <p className={styles.summary}>{product.summary}</p>
      </div>
    </article>
  );
}
