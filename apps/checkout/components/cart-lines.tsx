import { cart, formatPrice, totalPrice, type CartLine } from '@repo/cart';
import styles from './cart.module.css';

export default function CartLines({ lines }: { lines: readonly CartLine[] }) {
  if (lines.length === 0) return <p data-testid="cart-empty">Your cart is empty.</p>;
  return (
    <table className={styles.table} data-testid="cart-lines">
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Quantity</th>
          <th scope="col">Price</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.slug} data-testid="cart-line">
            <td>{line.name}</td>
            <td>
              <input
                type="number"
                min={0}
                aria-label={`Quantity of ${line.name}`}
                value={line.quantity}
                onChange={(event) => cart().setQuantity(line.slug, Number(event.target.value))}
                style={{ width: '4rem' }}
              />
            </td>
            <td>{formatPrice(line.price * line.quantity)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td data-testid="cart-total">{formatPrice(totalPrice(lines))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
