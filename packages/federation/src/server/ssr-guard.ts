/**
 * `/_next/static/ssr/*` is an app's server code. Only hosts may fetch it: with
 * FEDERATION_SSR_SECRET set, callers that present it in `x-federation-secret`;
 * without one, loopback callers only. Everyone else gets a plain 404, so the
 * path does not even confirm that the code exists.
 */
import { timingSafeEqual } from 'node:crypto';
import { SERVER_CODE_PREFIX } from '../origins';
import { canonicalPath, decodeFully, isPlainSpelling, pathOf } from './request-path';

/** `/_next/static/ssr`, compared against a lower-cased canonical path. */
const SERVER_CODE_DIR = SERVER_CODE_PREFIX.replace(/\/$/, '').toLowerCase();

/** What decodeFully would change: an escape, or a raw byte of an (overlong) UTF-8 sequence. */
const NEEDS_DECODING = /[%\x80-\xff]/;

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
 * reach server code once Next, or anything between, has decoded and normalised
 * it. True means: require the credential.
 *
 * Two rules, because no list of spellings is complete. The first follows the
 * decoding to the file it may end up at. The second does not trust the first
 * to model every decoder: a path under /_next/ in a spelling no browser
 * sends needs the credential too, wherever it leads. Browsers and Next's own HTML only ever use the
 * plain spelling (escaped brackets included), so no page or asset breaks.
 */
export function isServerCodeRequest(rawUrl: string): boolean {
  // Most requests: nothing escaped, no byte a decoder could turn into a letter, no `_next` anywhere.
  if (!NEEDS_DECODING.test(rawUrl) && !rawUrl.toLowerCase().includes('_next')) return false;
  const decoded = decodeFully(pathOf(rawUrl));
  if (decoded === null) return true;
  const canonical = canonicalPath(decoded);
  if (canonical === SERVER_CODE_DIR || canonical.startsWith(`${SERVER_CODE_DIR}/`)) return true;
  // `_next` anywhere, not only as the canonical prefix: a layer that reads `//host/...` as an
  // authority, or strips a prefix of its own, would start the path right there.
  return decoded.toLowerCase().includes('_next') && !isPlainSpelling(rawUrl);
}
