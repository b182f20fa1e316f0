/**
 * What an app adds to its worker's answers, wherever the answer leaves from:
 * the proxy (dev, and while no worker takes connections) or the worker's own
 * door (production, see door). One function, so both send the same headers.
 */
import { BUILD_HEADER } from '../header-names';
import { cacheControlFor, isEntryFile } from './cache-policy';
import { newNonce, securityHeaders } from './security-headers';

export interface AnswerSettings {
  /** The production build this app serves (null in dev): names it on entry files, decides their cache. */
  build: string | null;
  /** The Content-Security-Policy for a document served with this nonce, or null for none. */
  policy: (nonce: string) => string | null;
  /** True once the app is shutting down: answers then close their connection. */
  stopping: boolean;
}

/** The path of a request target (`/shop?x=1` -> `/shop`). */
export function pathnameOf(target: string | undefined): string {
  return (target ?? '/').split('?')[0] || '/';
}

/** A fresh nonce for a request that may be a document; none under /_next/ (static files, HMR). */
export function documentNonce(pathname: string): string | null {
  return pathname.startsWith('/_next/') ? null : newNonce();
}

/** Headers that replace the worker's for the answer to `target` (path and query, as received). */
export function answerHeaders(target: string, isDocument: boolean, nonce: string | null, settings: AnswerSettings): Record<string, string> {
  // A document from /_next/ (a 404 page) still gets a policy; its scripts just do not run.
  const policy = isDocument ? settings.policy(nonce ?? newNonce()) : null;
  const headers = securityHeaders(isDocument, policy);
  const cacheControl = cacheControlFor(target, settings.build);
  if (cacheControl) headers['cache-control'] = cacheControl;
  // Hosts read it when they probe this app's entry: the version they name in their pages.
  if (settings.build !== null && isEntryFile(target)) headers[BUILD_HEADER] = settings.build;
  if (settings.stopping) headers.connection = 'close';
  return headers;
}

export const isDocumentType = (contentType: unknown) => String(contentType ?? '').startsWith('text/html');
