import { describe, expect, it } from 'vitest';
import { newNonce, policyFor, securityHeaders } from './security-headers';

describe('content security policy', () => {
  const policy = policyFor(['http://localhost:3002', 'http://localhost:3000', 'http://localhost:3002'])('abc');

  it('allows scripts and connections from exactly the registered origins and the nonce', () => {
    expect(policy).toContain("script-src 'self' 'nonce-abc' http://localhost:3000 http://localhost:3002;");
    expect(policy).toContain("connect-src 'self' http://localhost:3000 http://localhost:3002;");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('makes a fresh nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    // Drawn from a pool of 256: across refills every nonce is new and 16 bytes long.
    const nonces = Array.from({ length: 1_000 }, newNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    expect(nonces.every((nonce) => Buffer.from(nonce, 'base64').length === 16)).toBe(true);
  });

  it('puts the policy on documents only', () => {
    expect(securityHeaders(true, policy)['content-security-policy']).toBe(policy);
    expect(securityHeaders(false, policy)['content-security-policy']).toBeUndefined();
    expect(securityHeaders(false, policy)['x-content-type-options']).toBe('nosniff');
  });
});
