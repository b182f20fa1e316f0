import { describe, expect, it, vi } from 'vitest';
import { createCartStore, formatPrice, STORAGE_KEY, totalPrice, totalQuantity, type KeyValueStorage } from './store';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

const mug = { slug: 'mug', name: 'Mug', price: 1250 };
const cap = { slug: 'cap', name: 'Cap', price: 1999 };

describe('cart store', () => {
  it('adds items and merges repeated adds into one line', () => {
    const store = createCartStore(null);
    store.add(mug);
    store.add(mug, 2);
    store.add(cap);
    expect(store.lines()).toEqual([
      { ...mug, quantity: 3 },
      { ...cap, quantity: 1 },
    ]);
    expect(totalQuantity(store.lines())).toBe(4);
    expect(totalPrice(store.lines())).toBe(3 * 1250 + 1999);
  });

  it('drops a line whose quantity goes to zero and removes lines', () => {
    const store = createCartStore(null);
    store.add(mug, 2);
    store.add(cap);
    store.setQuantity('mug', 0);
    expect(store.lines().map((line) => line.slug)).toEqual(['cap']);
    store.remove('cap');
    expect(store.lines()).toEqual([]);
  });

  it('notifies subscribers until they unsubscribe', () => {
    const store = createCartStore(null);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.add(mug);
    unsubscribe();
    store.add(mug);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('persists to storage and reloads from it', () => {
    const storage = memoryStorage();
    createCartStore(storage).add(mug, 2);
    expect(createCartStore(storage).lines()).toEqual([{ ...mug, quantity: 2 }]);
  });

  it('ignores corrupt or foreign storage content', () => {
    expect(createCartStore(memoryStorage({ [STORAGE_KEY]: '{not json' })).lines()).toEqual([]);
    const mixed = JSON.stringify([{ ...mug, quantity: 1 }, { slug: 1 }, null]);
    expect(createCartStore(memoryStorage({ [STORAGE_KEY]: mixed })).lines()).toEqual([{ ...mug, quantity: 1 }]);
  });

  it('formats cents as dollars', () => {
    expect(formatPrice(1250)).toBe('$12.50');
    expect(formatPrice(0)).toBe('$0.00');
  });
});
