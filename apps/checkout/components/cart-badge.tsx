import { totalQuantity, useCartLines } from '@repo/cart';
import Link from 'next/link';
import styles from './cart.module.css';

export default function CartBadge() {
  const count = totalQuantity(useCartLines());
  return (
    <Link href="/checkout" className={styles.badge} aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
      Cart <span data-testid="cart-count">{count}</span>
    </Link>
  );
}
