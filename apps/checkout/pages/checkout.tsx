import { useCartLines } from '@repo/cart';
import { PageHead } from '@repo/shell/page-head';
import type { NextPage } from 'next';
import CartLines from '../components/cart-lines';

const CheckoutPage: NextPage = () => {
  const lines = useCartLines();
  return (
    <section aria-labelledby="checkout-title">
      <PageHead title="Checkout" description="Your cart: change quantities and see the total." />
      <h1 id="checkout-title">Checkout</h1>
      <CartLines lines={lines} />
    </section>
  );
};

// Server-rendered on every request (and wherever another app renders it): the
// cart itself lives in the browser, so there is no data to fetch here.
CheckoutPage.getInitialProps = async () => ({});

export default CheckoutPage;
