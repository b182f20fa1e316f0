/**
 * The catch-all page every app has: a path this app has no page for is looked
 * up in the registry, and the owner app's page is loaded through its pages-map,
 * its data method run here, and rendered here, on the server and the browser.
 *
 * An owner that cannot be reached (down, hanging, 5xx, corrupt code) renders a
 * fallback with the route's normal status; an exception from the owner page's
 * own code is a bug, answered with a 500 as the owner app itself would.
 *
 * `/` too, where another app owns it: there the catch-all is optional
 * (`pages/[[...federatedPath]].tsx`, see catch-all-file.ts). The page looks up
 * the path the browser asked for (`asPath`).
 */
import type { NextPage, NextPageContext } from 'next';
import Head from 'next/head';
import { lazy, type ComponentType } from 'react';
import { registry, selfName } from './runtime-registry';
import { RemoteFallback, RemoteSlot } from './federated';
import { loadRemoteModule } from './instance';
import { containerName } from './registry';
import { remoteGeneration, trackLoad, useRemoteGeneration } from './hot-remotes';
import { normalizePath, routeOwners, type RouteMatch } from './routes';
import { isDownError, RemoteDownError } from './runtime/remote-state';
import { useUsedModule } from './runtime/used-modules';
import { isFallbackModule } from './fallback-module';
import { CATCH_ALL_PARAM } from './catch-all-file';

type PageProps = Record<string, unknown>;
type OwnerPage = ComponentType<PageProps> & {
  getInitialProps?: (ctx: NextPageContext) => PageProps | Promise<PageProps>;
};
/** An owner page and its module id (`shop/pages/p/[slug]`). */
interface LoadedPage {
  id: string;
  Page: OwnerPage;
}

interface CatchAllProps {
  match: RouteMatch | null;
  /** The owner could not be reached: show a fallback, keep the status. */
  /** The owner app is down: its page renders as a fallback. */
  down?: boolean;
  pageProps: PageProps;
}

const keyOf = ({ app, route }: RouteMatch) => `${app}${route}`;

/** Owner pages this process has loaded: a remote's code does not change within one generation. */
const ownerPages = new Map<string, LoadedPage>();
const lazyPages = new Map<string, ComponentType<PageProps>>();
let pagesGeneration = 0;

/** In dev a remote's new code starts a new generation (see hot-remotes): pages load afresh. */
function pageCaches(): { owner: Map<string, LoadedPage>; lazy: Map<string, ComponentType<PageProps>> } {
  if (pagesGeneration !== remoteGeneration()) {
    ownerPages.clear();
    lazyPages.clear();
    pagesGeneration = remoteGeneration();
  }
  return { owner: ownerPages, lazy: lazyPages };
}

async function loadOwnerPage(match: RouteMatch): Promise<LoadedPage> {
  return pageCaches().owner.get(keyOf(match)) ?? trackLoad(loadOwnerPageAfresh(match));
}

async function loadOwnerPageAfresh(match: RouteMatch): Promise<LoadedPage> {
  const id = await ownerPageId(match);
  const page = await loadRemoteModule<{ default: OwnerPage }>(id);
  if (isFallbackModule(page?.default)) throw new RemoteDownError(id, 'its code did not load');
  if (!page?.default) throw new Error(`${id} has no default export: it is not a page.`);
  const loaded = { id, Page: page.default };
  pageCaches().owner.set(keyOf(match), loaded);
  return loaded;
}

/** `shop/pages/p/[slug]`: the owner's module for the route, from its pages-map. */
async function ownerPageId(match: RouteMatch): Promise<string> {
  const container = containerName(match.app);
  const pagesMap = await loadRemoteModule<{ default: Record<string, string> }>(`${container}/pages-map-v2`);
  // The owner is down or still starting: its pages-map is a fallback, not a map without this page.
  if (isFallbackModule(pagesMap?.default)) throw new RemoteDownError(`${container}/pages-map-v2`, 'its code did not load');
  const modulePath = pagesMap?.default[match.route];
  if (!modulePath) throw new Error(`${match.app} has no page for ${match.route} in its pages-map.`);
  return `${container}/${modulePath.replace(/^\.\//, '')}`;
}

/** While the browser hydrates a server-rendered page, it has not run getInitialProps: wait for the code. */
function lazyOwnerPage(match: RouteMatch): ComponentType<PageProps> {
  let page = pageCaches().lazy.get(keyOf(match));
  if (!page) {
    page = lazy(async () => ({ default: (await loadOwnerPage(match)).Page }));
    pageCaches().lazy.set(keyOf(match), page);
  }
  return page;
}

function NotFound() {
  return (
    <section aria-labelledby="not-found-title">
      <Head>
        <title>Page not found</title>
      </Head>
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address. Use the navigation above to keep browsing.</p>
    </section>
  );
}

const FederatedCatchAll: NextPage<CatchAllProps> = ({ match, down, pageProps }) => {
  const generation = useRemoteGeneration();
  const loaded = match && !down ? pageCaches().owner.get(keyOf(match)) : undefined;
  // Its JS and CSS go into this render's HTML (nextjs-mf does not record a module loaded with loadRemote).
  useUsedModule(loaded?.id);
  if (!match) return <NotFound />;
  const label = `This ${match.app} page`;
  if (down) return <RemoteFallback label={label} />;
  // Loaded by getInitialProps on the server and on client navigation: rendered as is.
  const Page = loaded?.Page ?? lazyOwnerPage(match);
  return (
    <RemoteSlot key={generation} label={label}>
      <Page {...pageProps} />
    </RemoteSlot>
  );
};

/** The other apps' routes: this app's own are its pages, which Next matches before the catch-all. */
const ownerOf = routeOwners(registry.filter((app) => app.name !== selfName));

FederatedCatchAll.getInitialProps = async (ctx): Promise<CatchAllProps> => {
  const pathname = normalizePath(ctx.asPath ?? '/');
  const match = ownerOf(pathname);
  if (!match) {
    if (ctx.res) ctx.res.statusCode = 404;
    return { match: null, pageProps: {} };
  }
  let loaded: LoadedPage;
  try {
    loaded = await loadOwnerPage(match);
  } catch (error) {
    // Down or starting is news (the page shows a fallback, the supervisor says "waiting for"); anything else is a bug.
    if (isDownError(match.app, error)) console.warn(`[federation] ${match.app} page ${match.route}: ${(error as Error).message}`);
    else console.error(`[federation] ${match.app} page ${match.route} did not load:`, error);
    return { match, down: true, pageProps: {} };
  }
  const { Page } = loaded;
  const { [CATCH_ALL_PARAM]: _ownPath, ...query } = ctx.query;
  const ownerCtx: NextPageContext = { ...ctx, query: { ...query, ...match.params }, pathname: match.route };
  try {
    const pageProps = Page.getInitialProps ? await Page.getInitialProps(ownerCtx) : {};
    return { match, pageProps };
  } catch (error) {
    // The owner's data source (usually the owner app itself) cannot be reached.
    if (isDownError(match.app, error)) {
      console.warn(`[federation] ${match.app} page ${match.route} data: ${(error as Error).message}`);
      return { match, down: true, pageProps: {} };
    }
    console.error(`[federation] ${match.app} page ${match.route} threw at ${pathname}:`, error);
    throw error;
  }
};

export default FederatedCatchAll;
