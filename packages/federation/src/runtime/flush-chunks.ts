/**
 * The JS and CSS files of the remote modules a server render used, for the
 * document's head (so the page neither jumps nor discovers them late). The
 * render records the modules it used (used-modules.tsx); each module's files
 * come from its app's manifest, read once per worker
 * (manifest-cache.ts). It replaces nextjs-mf's flushChunks, which fetched and
 * parsed every used remote's manifest on every render.
 */
import type { Origins } from '../origins';
import { appOfContainer } from '../registry';
import { manifestOf } from './manifest-cache';

/** `shop/product-card` (or nextjs-mf's `shop->product-card`) -> ['shop', './product-card']. */
function parseId(id: string): [container: string, request: string] {
  const [container = '', ...rest] = id.replace('->', '/').split('/');
  return [container, `./${rest.join('/')}`];
}

export interface UsedFiles {
  /** Absolute URLs of the modules' JS and CSS, each once. */
  files: string[];
  /** False when an app's manifest could not be read: its modules' files are missing (a later render reads it again). */
  complete: boolean;
}

/** The files of the given modules. */
export async function filesOf(ids: Iterable<string>, origins: Origins): Promise<UsedFiles> {
  let complete = true;
  const byOrigin = new Map<string, Set<string>>();
  for (const id of ids) {
    const [container, request] = parseId(id);
    const app = appOfContainer(Object.keys(origins), container);
    const origin = app ? origins[app] : undefined;
    if (!origin) {
      console.error(`[federation] ${id}: no app named ${container} in the registry; its files are not in the page`);
      continue;
    }
    const requests = byOrigin.get(origin) ?? new Set();
    byOrigin.set(origin, requests.add(request));
  }
  const files = await Promise.all(
    [...byOrigin].map(async ([origin, requests]) => {
      let manifest;
      try {
        manifest = await manifestOf(origin);
      } catch (error) {
        // The page still renders; the browser loads the module's files when it runs it.
        console.warn(`[federation] ${origin}'s manifest: ${(error as Error).message}`);
        complete = false;
        return [];
      }
      return manifest.exposes
        .filter((expose) => requests.has(expose.path || `./${expose.name}`))
        .flatMap((expose) => [...expose.assets.js.sync, ...expose.assets.css.sync])
        .map((file) => `${origin}/_next/${file}`);
    }),
  );
  return { files: [...new Set(files.flat())], complete };
}
