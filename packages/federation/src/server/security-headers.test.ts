import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, securityHeaders } from './security-headers';

describe('content security policy', () => {
  const policy = contentSecurityPolicy(['http://localhost:3002', 'http://localhost:3000', 'http://localhost:3002'], 'abc');

  it('allows scripts and connections from exactly the registered origins and the nonce', () => {
    expect(policy).toContain("script-src 'self' 'nonce-abc' http://localhost:3000 http://localhost:3002;");
    expect(policy).toContain("connect-src 'self' http://localhost:3000 http://localhost:3002;");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('makes a fresh nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
  });

  it('puts the policy on documents only', () => {
    expect(securityHeaders(true, policy)['content-security-policy']).toBe(policy);
    expect(securityHeaders(false, policy)['content-security-policy']).toBeUndefined();
    expect(securityHeaders(false, policy)['x-content-type-options']).toBe('nosniff');
  });
});
