/**
 * The cart: one store per page, shared by every federated module that imports
 * `@repo/cart` (the package is a Module Federation singleton). Persisted to
 * localStorage so it survives reloads and moving between apps on one origin.
 */

export interface CartItem {
  slug: string;
  name: string;
  /** Price in cents, to keep sums exact. */
  price: number;
}

export interface CartLine extends CartItem {
  quantity: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'repo-cart-v1';
const EMPTY: readonly CartLine[] = Object.freeze([]);

export interface CartStore {
  lines(): readonly CartLine[];
  add(item: CartItem, quantity?: number): void;
  setQuantity(slug: string, quantity: number): void;
  remove(slug: string): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function createCartStore(storage: KeyValueStorage | null): CartStore {
  let lines: readonly CartLine[] = load(storage);
  const listeners = new Set<() => void>();

  function commit(next: CartLine[]): void {
    lines = Object.freeze(next.filter((line) => line.quantity > 0));
    storage?.setItem(STORAGE_KEY, JSON.stringify(lines));
    for (const listener of listeners) listener();
  }

  return {
    lines: () => lines,
    add(item, quantity = 1) {
      const existing = lines.find((line) => line.slug === item.slug);
      commit(
        existing
          ? lines.map((line) => (line.slug === item.slug ? { ...line, quantity: line.quantity + quantity } : line))
          : [...lines, { ...item, quantity }],
      );
    },
    setQuantity(slug, quantity) {
      commit(lines.map((line) => (line.slug === slug ? { ...line, quantity: Math.max(0, Math.floor(quantity)) } : line)));
    },
    remove(slug) {
      commit(lines.filter((line) => line.slug !== slug));
    },
    clear() {
      commit([]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function load(storage: KeyValueStorage | null): readonly CartLine[] {
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return EMPTY;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? Object.freeze(parsed.filter(isCartLine)) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function isCartLine(value: unknown): value is CartLine {
  const line = value as CartLine;
  return (
    typeof line === 'object' &&
    line !== null &&
    typeof line.slug === 'string' &&
    typeof line.name === 'string' &&
    Number.isInteger(line.price) &&
    Number.isInteger(line.quantity) &&
    line.quantity > 0
  );
}

export function totalQuantity(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

export function totalPrice(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
}

export function formatPrice(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
