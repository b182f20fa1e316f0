import { describe, expect, it } from 'vitest';
import { isUnknownRemoteRequest } from './removed-apps-plugin';

const containers = new Set(['home', 'shop']);
const isPackage = (name: string) => ['next', 'react-dom'].includes(name);

describe('isUnknownRemoteRequest', () => {
  it('flags a module of an app that is not registered', () => {
    expect(isUnknownRemoteRequest('checkout/cart-badge', containers, isPackage)).toBe(true);
  });

  it('leaves registered apps, packages, relative and deep paths alone', () => {
    expect(isUnknownRemoteRequest('shop/product-card', containers, isPackage)).toBe(false);
    expect(isUnknownRemoteRequest('next/link', containers, isPackage)).toBe(false);
    expect(isUnknownRemoteRequest('react-dom/server', containers, isPackage)).toBe(false);
    expect(isUnknownRemoteRequest('./card', containers, isPackage)).toBe(false);
    expect(isUnknownRemoteRequest('@repo/cart', containers, isPackage)).toBe(false);
    expect(isUnknownRemoteRequest('lodash/fp/map', containers, isPackage)).toBe(false);
  });
});
