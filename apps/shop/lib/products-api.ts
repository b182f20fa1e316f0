/**
 * The shop's API client. Exposed as `shop/products-api`, so whichever app runs
 * this code (on its server or in the browser) reads from shop's own origin;
 * on shop's own server it reads the catalogue directly, as Next advises for
 * an app's own API routes (an HTTP call to itself costs a second request).
 */
import { isServerOf, originOf } from '@repo/federation/runtime-registry';
import type { Product } from '../data/products';

export type { Product };

async function getJson<T>(path: string): Promise<T | null> {
  const response = await fetch(`${originOf('shop')}${path}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`shop API ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The catalogue itself, on shop's own server only (elsewhere the module is never loaded). */
const ownCatalogue = () => (isServerOf('shop') ? import('../data/products') : null);

export async function fetchProducts(): Promise<Product[]> {
  const own = await ownCatalogue();
  if (own) return own.products;
  return (await getJson<Product[]>('/api/products')) ?? [];
}

export async function fetchProduct(slug: string): Promise<Product | null> {
  const own = await ownCatalogue();
  if (own) return own.findProduct(slug) ?? null;
  return getJson<Product>(`/api/products/${encodeURIComponent(slug)}`);
}
