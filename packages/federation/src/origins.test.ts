import { describe, expect, it } from 'vitest';
import { OriginError, originEnvVar, originsFromEnv, remoteEntryUrl } from './origins';

const apps = [
  { name: 'shop', port: 3002 },
  { name: 'gift-cards', port: 3004 },
];

describe('origins', () => {
  it('names the variable after the app', () => {
    expect(originEnvVar('shop')).toBe('SHOP_ORIGIN');
    expect(originEnvVar('gift-cards')).toBe('GIFT_CARDS_ORIGIN');
  });

  it('defaults to localhost on the registry port', () => {
    expect(originsFromEnv(apps, {})).toEqual({ shop: 'http://localhost:3002', 'gift-cards': 'http://localhost:3004' });
  });

  it('takes the environment, normalised to an origin', () => {
    expect(originsFromEnv(apps, { SHOP_ORIGIN: 'https://shop.example.test/' }).shop).toBe('https://shop.example.test');
  });

  it.each([
    ['not a URL', 'localhost:4002', /SHOP_ORIGIN="localhost:4002"/],
    ['another protocol', 'ftp://x.test', /must use http or https/],
    ['a path', 'http://x.test/shop', /without a path/],
  ])('refuses %s with the variable name', (_case, value, message) => {
    expect(() => originsFromEnv(apps, { SHOP_ORIGIN: value })).toThrow(OriginError);
    expect(() => originsFromEnv(apps, { SHOP_ORIGIN: value })).toThrow(message);
  });

  it('builds the server and browser remote entry URLs', () => {
    expect(remoteEntryUrl('http://localhost:3002', 'server')).toBe('http://localhost:3002/_next/static/ssr/remoteEntry.js');
    expect(remoteEntryUrl('http://localhost:3002', 'browser')).toBe(
      'http://localhost:3002/_next/static/chunks/remoteEntry.js',
    );
  });
});
