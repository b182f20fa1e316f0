/**
 * The shop's API client. Exposed as `shop/products-api`, so whichever app runs
 * this code (on its server or in the browser) reads from shop's own origin.
 */
import { originOf } from '@repo/federation/runtime-registry';
import type { Product } from '../data/products';

export type { Product };

async function getJson<T>(path: string): Promise<T | null> {
  const response = await fetch(`${originOf('shop')}${path}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`shop API ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function fetchProducts(): Promise<Product[]> {
  return (await getJson<Product[]>('/api/products')) ?? [];
}

export async function fetchProduct(slug: string): Promise<Product | null> {
  return getJson<Product>(`/api/products/${encodeURIComponent(slug)}`);
}
