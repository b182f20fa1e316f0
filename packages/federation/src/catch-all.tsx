/**
 * The catch-all page every app has: a path this app has no page for is looked
 * up in the registry, and the owner app's page is loaded through its pages-map,
 * its data method run here, and rendered here, on the server and the browser.
 */
import type { NextPage, NextPageContext } from 'next';
import type { ComponentType } from 'react';
import { apps, selfName } from './apps';
import { federated, RemoteFallback } from './federated';
import { loadRemoteModule } from './instance';
import { isUnavailable } from './unavailable';
import { containerName } from './registry';
import { findRouteOwner, normalizePath, type RouteMatch } from './routes';

/** The catch-all file is `pages/[...federatedPath].tsx`: its param is not the owner page's. */
export const CATCH_ALL_PARAM = 'federatedPath';

type PageProps = Record<string, unknown>;
type OwnerPage = ComponentType<PageProps> & {
  getInitialProps?: (ctx: NextPageContext) => PageProps | Promise<PageProps>;
};

interface CatchAllProps {
  match: RouteMatch | null;
  /** The owner's page could not be loaded: show a fallback, keep the status. */
  unavailable?: boolean;
  pageProps: PageProps;
}

async function loadOwnerPage({ app, route }: RouteMatch): Promise<OwnerPage> {
  const container = containerName(app);
  const pagesMap = await loadRemoteModule<{ default: Record<string, string> }>(`${container}/pages-map-v2`);
  const modulePath = pagesMap?.default[route];
  if (!modulePath) throw new Error(`${app} has no page for ${route} in its pages-map.`);
  const page = await loadRemoteModule<{ default: OwnerPage }>(`${container}/${modulePath.replace(/^\.\//, '')}`);
  if (!page?.default || isUnavailable(page.default)) throw new Error(`${app} page ${route} did not load.`);
  return page.default;
}

const lazyPages = new Map<string, ComponentType<PageProps>>();

/** One lazy component per route, so hydration waits for the owner's page code. */
function lazyOwnerPage(match: RouteMatch): ComponentType<PageProps> {
  const key = `${match.app}${match.route}`;
  let page = lazyPages.get(key);
  if (!page) {
    page = federated(async () => ({ default: await loadOwnerPage(match) }), `This ${match.app} page`);
    lazyPages.set(key, page);
  }
  return page;
}

function NotFound() {
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is no page at this address. Use the navigation above to keep browsing.</p>
    </section>
  );
}

const FederatedCatchAll: NextPage<CatchAllProps> = ({ match, unavailable, pageProps }) => {
  if (!match) return <NotFound />;
  if (unavailable) return <RemoteFallback label={`This ${match.app} page`} />;
  const Page = lazyOwnerPage(match);
  return <Page {...pageProps} />;
};

FederatedCatchAll.getInitialProps = async (ctx): Promise<CatchAllProps> => {
  const pathname = normalizePath(ctx.asPath ?? '/');
  const match = findRouteOwner(
    apps.filter((app) => app.name !== selfName),
    pathname,
  );
  if (!match) {
    if (ctx.res) ctx.res.statusCode = 404;
    return { match: null, pageProps: {} };
  }
  let Page: OwnerPage;
  try {
    Page = await loadOwnerPage(match);
  } catch (error) {
    console.error(`[federation] ${match.app} page ${match.route} unavailable:`, (error as Error).message);
    return { match, unavailable: true, pageProps: {} };
  }
  const { [CATCH_ALL_PARAM]: _ownPath, ...query } = ctx.query;
  const ownerCtx: NextPageContext = { ...ctx, query: { ...query, ...match.params }, pathname: match.route };
  try {
    const pageProps = Page.getInitialProps ? await Page.getInitialProps(ownerCtx) : {};
    return { match, pageProps };
  } catch (error) {
    // The owner's data source (usually the owner app itself) is down.
    console.error(`[federation] ${match.app} page ${match.route} data unavailable:`, (error as Error).message);
    return { match, unavailable: true, pageProps: {} };
  }
};

export default FederatedCatchAll;
