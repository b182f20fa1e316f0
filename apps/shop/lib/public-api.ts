import type { NextApiResponse } from 'next';

/**
 * How long anyone may keep an answer of the catalogue API: other apps' servers
 * (their fetch keeps it, see @repo/federation's response cache) and browsers.
 * Short, so a change to the catalogue shows within seconds everywhere.
 */
export const CATALOGUE_MAX_AGE_SECONDS = 5;

/** The catalogue is public: other apps' pages read it from the browser, and may keep it a few seconds. */
export function servePublicly(res: NextApiResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
  res.setHeader('Cache-Control', `public, max-age=${CATALOGUE_MAX_AGE_SECONDS}`);
}
