import { describe, expect, it } from 'vitest';
import { isServerCodePath } from '../origins';
import { mayReadServerCode } from './ssr-guard';

describe('server code guard', () => {
  it('covers the ssr folder only', () => {
    expect(isServerCodePath('/_next/static/ssr/remoteEntry.js')).toBe(true);
    expect(isServerCodePath('/_next/static/chunks/remoteEntry.js')).toBe(false);
    expect(isServerCodePath('/shop')).toBe(false);
  });

  it('with a secret: only callers that present it, wherever they are', () => {
    expect(mayReadServerCode('10.0.0.7', 's3cret', 's3cret')).toBe(true);
    expect(mayReadServerCode('127.0.0.1', undefined, 's3cret')).toBe(false);
    expect(mayReadServerCode('127.0.0.1', 'wrong', 's3cret')).toBe(false);
    expect(mayReadServerCode('127.0.0.1', ['s3cret', 's3cret'], 's3cret')).toBe(false);
  });

  it('without a secret: loopback callers only', () => {
    expect(mayReadServerCode('127.0.0.1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('::1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('::ffff:127.0.0.1', undefined, undefined)).toBe(true);
    expect(mayReadServerCode('10.0.0.7', undefined, undefined)).toBe(false);
    expect(mayReadServerCode('192.168.1.20', 'anything', undefined)).toBe(false);
    expect(mayReadServerCode(undefined, undefined, undefined)).toBe(false);
  });
});
