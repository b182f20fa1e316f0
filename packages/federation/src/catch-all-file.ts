/**
 * Where each app's catch-all page (catch-all.tsx) lives. An app that does not
 * own `/` has an optional catch-all, `pages/[[...federatedPath]].tsx`, which
 * also matches `/`; the app that owns `/` has `pages/index.tsx`, beside which
 * Next refuses an optional catch-all, so its catch-all is
 * `pages/[...federatedPath].tsx`.
 *
 * (A rewrite of `/` to a path the catch-all matches did the same with one file
 * name, at a price: Next runs an app's rewrites again for every page it
 * renders, compiling their patterns each time, ~0.1 ms of CPU for `/` and
 * ~0.03 ms for every other page, profiled under load.)
 */

/** The catch-all's route param: not the owner page's, so it is left out of the query the owner page sees. */
export const CATCH_ALL_PARAM = 'federatedPath';

const REQUIRED = `pages/[...${CATCH_ALL_PARAM}].tsx`;
const OPTIONAL = `pages/[[...${CATCH_ALL_PARAM}]].tsx`;

/** The catch-all's file, relative to the app folder. */
export function catchAllFile(ownsRoot: boolean): string {
  return ownsRoot ? REQUIRED : OPTIONAL;
}

/** Why an app's pages do not fit its ownership of `/` (given which files exist), or null when they do. */
export function catchAllFileProblem(app: string, ownsRoot: boolean, exists: (file: string) => boolean): string | null {
  const wanted = catchAllFile(ownsRoot);
  if (exists(wanted)) {
    const other = catchAllFile(!ownsRoot);
    return exists(other) ? `apps/${app} has both ${wanted} and ${other}: delete ${other}.` : null;
  }
  const other = catchAllFile(!ownsRoot);
  const why = ownsRoot
    ? `"${app}" owns "/" (federation.routes), and Next allows no optional catch-all beside pages/index.tsx`
    : `"${app}" does not own "/" (federation.routes), so its catch-all must also match "/" to serve the owner's page there`;
  if (exists(other)) return `apps/${app}/${other}: rename it to ${wanted}: ${why}.`;
  return `apps/${app} has no catch-all page: add ${wanted} with \`export { default } from '@repo/federation/catch-all';\` (${why}).`;
}
