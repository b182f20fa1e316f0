/**
 * The `_app` of every app: the site navigation (from the app that exposes
 * `./nav`, loaded as a remote everywhere else) above the page.
 */
import { federated } from '@repo/federation/federated';
import { refreshChangedRemotes, REMOTE_VERSIONS_HEADER } from '@repo/federation/hot-remotes';
import App, { type AppContext, type AppProps } from 'next/app';
import Head from 'next/head';
import { useEffect } from 'react';
import { SITE_NAME } from './page-head';

// The registry names the app that provides the nav (see @repo/federation shell-modules).
const Nav = federated(() => import('@repo/federation/nav'), 'Site navigation');

export default function ShellApp({ Component, pageProps }: AppProps) {
  // A signal for tests and monitoring that the page is interactive.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{SITE_NAME}</title>
        <meta key="description" name="description" content="Three Next.js apps composed at runtime with Module Federation." />
        {/* No favicon file to fetch (and 404) in any app. */}
        <link rel="icon" href="data:," />
      </Head>
      <Nav />
      <main style={{ maxWidth: 960, margin: '0 auto', padding: '1.5rem 1rem', fontFamily: 'system-ui, sans-serif' }}>
        <Component {...pageProps} />
      </main>
    </>
  );
}

// Every page renders remotes (at least the nav), so none may be pre-rendered at
// build time: an app-level data method makes every page server-rendered.
ShellApp.getInitialProps = async (context: AppContext) => {
  // Dev: a remote with new code is loaded afresh before this page renders (see hot-remotes).
  refreshChangedRemotes(context.ctx.req?.headers[REMOTE_VERSIONS_HEADER]);
  return App.getInitialProps(context);
};
