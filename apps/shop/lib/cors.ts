import type { NextApiResponse } from 'next';

/** The catalogue is public and other apps' pages read it from the browser. */
export function allowAnyOrigin(res: NextApiResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
}
