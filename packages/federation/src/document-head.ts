/**
 * What the document adds to a page's head, from the remote modules its render
 * used and the remotes' versions: the modules' JS and CSS, the versioned
 * entries of the remotes they come from (preloaded), and the inline script
 * that hands the browser the origins and versions.
 *
 * In production a worker keeps each result: its remote code and manifests do
 * not change while it runs (a redeploy brings a fresh worker) and its origins
 * are fixed at start, so the same modules at the same versions give the same
 * head. Building it afresh was about a tenth of federation's extra server
 * time on a data-less page (README, "What federation costs"). Dev builds it
 * on every render: there a remote's code and manifest change while it runs.
 */
import { remoteEntryUrl, type Origins } from './origins';
import { versionedEntry, versionsFromHeader, type RemoteVersions } from './remote-versions';
import { currentOrigins, registry, selfName } from './runtime-registry';
import { filesOf } from './runtime/flush-chunks';

export interface DocumentHead {
  /** The used modules' JS and CSS files (absolute URLs). */
  chunks: string[];
  /** Browser entries of the remotes these files come from, versioned: the browser fetches them early. */
  entries: string[];
  /** The inline script's source: `window.__FEDERATION_ORIGINS__=…;window.__FEDERATION_VERSIONS__=…;`. */
  script: string;
}

/** Heads a production worker keeps; a page set that large is not a site's pages, so it starts over. */
const MAX_KEPT = 512;
const kept = new Map<string, DocumentHead>();

/** JSON that cannot close the surrounding <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The versioned browser entry of every remote whose files are in `chunks`. */
function usedEntries(chunks: string[], origins: Origins, versions: RemoteVersions): string[] {
  return registry
    .filter(({ name }) => name !== selfName && versions[name] && chunks.some((chunk) => chunk.startsWith(`${origins[name]}/`)))
    .map(({ name }) => versionedEntry(remoteEntryUrl(origins[name] as string, 'browser'), versions[name]));
}

/**
 * The files of `chunks` as the document links them. Each must be written as
 * the browser's webpack runtime will ask for it: it finds a file already on
 * the page by comparing `href` or `src` as text, and loads it again when they
 * differ (a second copy of a stylesheet, matched and laid out again after
 * hydration).
 * - The app's own files by path (`/_next/…`): Next sets its runtime's base
 *   to `/_next/`, and links its own files so.
 * - Other apps' files by absolute URL, as their runtimes name them (see
 *   canonical-public-path-plugin).
 * - Each once, and none that Next links itself for the page (`pageFiles`, as its build
 *   manifest names them: `static/css/….css`): an own exposed module can share
 *   a CSS file with the page (checkout's cart badge and its `/checkout`).
 */
export function linkedFiles(chunks: string[], ownOrigin: string | undefined, pageFiles: string[]): string[] {
  const own = ownOrigin ? `${ownOrigin}/_next/` : undefined;
  const nextLinks = new Set(pageFiles.map((file) => `/_next/${file}`));
  const files = chunks.map((chunk) => (own && chunk.startsWith(own) ? `/_next/${chunk.slice(own.length)}` : chunk));
  return [...new Set(files)].filter((file) => !nextLinks.has(file));
}

/**
 * The head for a render that used `used`, served with `versionsHeader` (the
 * remotes' versions, as the supervisor sends them on each request).
 */
export async function documentHead(used: Set<string>, versionsHeader: string | string[] | undefined): Promise<DocumentHead> {
  const production = process.env.NODE_ENV === 'production';
  const key = production ? `${typeof versionsHeader === 'string' ? versionsHeader : ''}\n${[...used].sort().join('\n')}` : '';
  const known = production ? kept.get(key) : undefined;
  if (known) return known;
  const origins = currentOrigins();
  // Dev keeps nextjs-mf's `t=<now>`: there, entries change with every compile.
  const versions = production ? (versionsFromHeader(versionsHeader) ?? {}) : {};
  const { files, complete } = await filesOf(used, origins);
  const head = {
    chunks: files,
    entries: usedEntries(files, origins, versions),
    script: `window.__FEDERATION_ORIGINS__=${inlineJson(origins)};window.__FEDERATION_VERSIONS__=${inlineJson(versions)};`,
  };
  // A head without an unreadable manifest's files is not kept: the next render reads it again.
  if (production && complete) {
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, head);
  }
  return head;
}
