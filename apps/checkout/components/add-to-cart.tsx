import { cart, type CartItem } from '@repo/cart';
import { useEffect, useState } from 'react';
import styles from './cart.module.css';

export interface AddToCartProps {
  item: CartItem;
}

export default function AddToCart({ item }: AddToCartProps) {
  const [added, setAdded] = useState(false);
  // Server HTML shows the button disabled: a click before this remote's code
  // has hydrated would otherwise be lost.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div className={styles.addRow}>
      <button
        type="button"
        className={styles.button}
        disabled={!ready}
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
