/**
 * Response headers every app sends. The Content-Security-Policy lets pages
 * run scripts, styles, images and connections from this app and from exactly
 * the registered origins given at start; the one inline script (the origins
 * handed to the browser) carries a per-request nonce.
 */
import { randomBytes } from 'node:crypto';

import { NONCE_HEADER } from '../header-names';

export { NONCE_HEADER };

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy for a given nonce, with the origins' part built once: it runs for
 * every document, and only the nonce changes between them.
 */
export function policyFor(origins: string[]): (nonce: string) => string {
  const sources = [...new Set(origins)].sort().join(' ');
  return (nonce) =>
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' ${sources}`,
      // React renders style attributes (style={…}) into the server HTML.
      `style-src 'self' 'unsafe-inline' ${sources}`,
      `img-src 'self' data: ${sources}`,
      `font-src 'self' ${sources}`,
      `connect-src 'self' ${sources}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
}

export function contentSecurityPolicy(origins: string[], nonce: string): string {
  return policyFor(origins)(nonce);
}

/** Headers for every response; the policy only where a document is served. */
export function securityHeaders(
  isDocument: boolean,
  policy: string | null,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  if (isDocument) {
    headers['x-frame-options'] = 'DENY';
    headers['cross-origin-opener-policy'] = 'same-origin';
    headers['permissions-policy'] = 'camera=(), microphone=(), geolocation=(), payment=()';
    if (policy) headers['content-security-policy'] = policy;
  }
  return headers;
}
