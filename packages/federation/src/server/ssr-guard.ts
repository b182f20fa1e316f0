/**
 * `/_next/static/ssr/*` is an app's server code. Only hosts may fetch it: with
 * FEDERATION_SSR_SECRET set, callers that present it in `x-federation-secret`;
 * without one, loopback callers only. Everyone else gets a plain 404, so the
 * path does not even confirm that the code exists.
 */
import { timingSafeEqual } from 'node:crypto';
import { isServerCodePath } from '../origins';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function mayReadServerCode(
  remoteAddress: string | undefined,
  presented: string | string[] | undefined,
  secret: string | undefined,
): boolean {
  if (secret) return typeof presented === 'string' && sameSecret(presented, secret);
  return LOOPBACK.test(remoteAddress ?? '');
}

/**
 * Whether a raw request target (path and query, as the client sent it) may
 * reach server code once Next has decoded and normalised it.
 */
export function isServerCodeRequest(rawUrl: string): boolean {
  return isServerCodePath((rawUrl.split('?')[0] ?? '/') || '/');
}
