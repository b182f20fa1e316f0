import { cart, type CartItem } from '@repo/cart';
import { useState } from 'react';
import styles from './cart.module.css';

export interface AddToCartProps {
  item: CartItem;
}

export default function AddToCart({ item }: AddToCartProps) {
  const [added, setAdded] = useState(false);
  return (
    <div className={styles.addRow}>
      <button
        type="button"
        className={styles.button}
        onClick={() => {
          cart().add(item);
          setAdded(true);
        }}
      >
        Add to cart
      </button>
      <span role="status" className={styles.hint}>
        {added ? `${item.name} is in your cart.` : ''}
      </span>
    </div>
  );
}
