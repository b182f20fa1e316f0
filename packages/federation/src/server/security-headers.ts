/**
 * Response headers every app sends. The Content-Security-Policy lets pages
 * run scripts, styles, images and connections from this app and from exactly
 * the registered origins given at start; the one inline script (the origins
 * handed to the browser) carries a per-request nonce.
 */
import { randomFillSync } from 'node:crypto';

import { NONCE_HEADER } from '../header-names';

export { NONCE_HEADER };

const NONCE_BYTES = 16;
/**
 * Random bytes for 256 nonces, drawn at once: a call into the system's random
 * source for every document cost more than the rest of the headers together
 * (Node pools randomUUID the same way). Each nonce uses its bytes once.
 */
const pool = Buffer.alloc(NONCE_BYTES * 256);
let used = pool.length;

export function newNonce(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += NONCE_BYTES;
  return pool.toString('base64', used - NONCE_BYTES, used);
}

/**
 * The policy for a given nonce, with the origins' part built once: it runs for
 * every document, and only the nonce changes between them.
 */
export function policyFor(origins: string[]): (nonce: string) => string {
  const sources = [...new Set(origins)].sort().join(' ');
  const NONCE = '\0';
  const [before, after] = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${NONCE}' ${sources}`,
    // React renders style attributes (style={…}) into the server HTML.
    `style-src 'self' 'unsafe-inline' ${sources}`,
    `img-src 'self' data: ${sources}`,
    `font-src 'self' ${sources}`,
    `connect-src 'self' ${sources}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]
    .join('; ')
    .split(NONCE) as [string, string];
  return (nonce) => before + nonce + after;
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
