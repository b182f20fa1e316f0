import { useSyncExternalStore } from 'react';
import { createCartStore, type CartLine, type CartStore } from './store';

export * from './store';

/** The page's one cart. Created on first use, so the server never touches localStorage. */
let browserCart: CartStore | null = null;
const serverCart = createCartStore(null);
const NO_LINES: readonly CartLine[] = [];

export function cart(): CartStore {
  if (typeof window === 'undefined') return serverCart;
  browserCart ??= createCartStore(window.localStorage);
  return browserCart;
}

/** The cart's lines; empty during server render and hydration, so markup matches. */
export function useCartLines(): readonly CartLine[] {
  return useSyncExternalStore(
    (listener) => cart().subscribe(listener),
    () => cart().lines(),
    () => NO_LINES,
  );
}
