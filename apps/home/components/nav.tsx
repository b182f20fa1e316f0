import { registry } from '@repo/federation/runtime-registry';
import { federated } from '@repo/federation/federated';
import Link from 'next/link';
import { useRouter } from 'next/router';
import { navLinks } from '../lib/nav-links';
import styles from './nav.module.css';

const CartBadge = federated(() => import('checkout/cart-badge'), 'Cart');

export default function Nav() {
  const { asPath } = useRouter();
  const current = asPath.split(/[?#]/)[0];
  return (
    <nav className={styles.nav} aria-label="Site">
      <ul className={styles.links}>
        {navLinks(registry).map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className={`${styles.link} ${current === link.href ? styles.active : ''}`}
              aria-current={current === link.href ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className={styles.badge}>
        <CartBadge />
      </div>
    </nav>
  );
}
