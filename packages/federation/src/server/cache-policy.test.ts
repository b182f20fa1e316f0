import { describe, expect, it } from 'vitest';
import { cacheControlFor, IMMUTABLE, REVALIDATE } from './cache-policy';

describe('cacheControlFor', () => {
  it('keeps Next’s long cache for content-hashed chunks', () => {
    expect(cacheControlFor('/_next/static/chunks/main-abc.js', 'B1')).toBeNull();
  });

  it('revalidates an entry file whose URL names no build', () => {
    expect(cacheControlFor('/_next/static/chunks/remoteEntry.js', 'B1')).toBe(REVALIDATE);
    expect(cacheControlFor('/_next/static/ssr/remoteEntry.js', 'B1')).toBe(REVALIDATE);
    expect(cacheControlFor('/_next/static/chunks/mf-manifest.json', 'B1')).toBe(REVALIDATE);
  });

  it('keeps for good an entry whose URL names the build that serves it', () => {
    expect(cacheControlFor('/_next/static/chunks/remoteEntry.js?t=B1', 'B1')).toBe(IMMUTABLE);
  });

  it('revalidates an entry named with another build (a host that has not seen the redeploy yet)', () => {
    expect(cacheControlFor('/_next/static/chunks/remoteEntry.js?t=B0', 'B1')).toBe(REVALIDATE);
    expect(cacheControlFor('/_next/static/chunks/remoteEntry.js?t=1732550000000', 'B1')).toBe(REVALIDATE);
  });

  it('revalidates an entry however its path or query is spelled', () => {
    for (const target of [
      '/_next/static/chunks/%72emoteEntry.js?t=B0',
      '/_next/static/chunks/%2572emoteEntry.js',
      '//_next/static/chunks/remoteEntry.js',
      '/_next/static/./chunks/REMOTEENTRY.JS',
      '/_next/static/x/../ssr/remoteEntry.js;v=1',
      '/_next/static/chunks/remoteEntry.js?t=B1&t=B0',
      '/_next/static/chunks/remoteEntry.js.',
      '/_next/static/chunks/mf-manifest.json/.',
      'http://localhost/_next/static/chunks/Mf-Manifest.Json',
    ]) {
      expect(cacheControlFor(target, 'B1'), target).toBe(REVALIDATE);
    }
  });

  it('keeps nothing in dev, where no build id exists', () => {
    expect(cacheControlFor('/_next/static/chunks/remoteEntry.js?t=development', null)).toBe(REVALIDATE);
  });
});
