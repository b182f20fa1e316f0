/**
 * The `_document` of every app: puts the remote modules' JS/CSS used by this
 * render into the server HTML (no unstyled flash), preloads the entries of
 * the remotes it used, and hands the browser the origins this server was
 * started with and, in production, the remotes' versions (see remote-versions).
 */
import { FlushedChunks } from '@module-federation/nextjs-mf/utils';
// Every app's pages/_document.tsx re-exports this file: it is the document, kept in one place.
// eslint-disable-next-line @next/next/no-document-import-in-page
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { claimServer, currentOrigins, selfName } from './runtime-registry';
import { ownExposeStyles } from './own-styles';
import { NONCE_HEADER, REMOTE_VERSIONS_HEADER, RENDERS_HEADER } from './header-names';
import { documentHead, linkedFiles, type DocumentHead } from './document-head';
import { UsedModules } from './runtime/used-modules';
import { rendersReport } from './runtime/remote-state';

// Next loads `_document` before it renders any page, and only the app's own server loads it.
claimServer();

interface FederatedDocumentProps extends DocumentInitialProps {
  /** Not `head`: that is Next's (the page's next/head elements). */
  federatedHead: DocumentHead;
  /** Set by the app's proxy per request; the Content-Security-Policy allows exactly it. */
  nonce: string | undefined;
}

export default class FederatedDocument extends Document<FederatedDocumentProps> {
  static async getInitialProps(ctx: DocumentContext): Promise<FederatedDocumentProps> {
    // This render's remote modules, recorded while React renders it (see used-modules).
    const used = new Set<string>();
    const renderPage = ctx.renderPage;
    ctx.renderPage = () =>
      renderPage({
        enhanceApp: (App) =>
          function RecordedApp(props) {
            return (
              <UsedModules value={used}>
                <App {...props} />
              </UsedModules>
            );
          },
      });
    const initialProps = await Document.getInitialProps(ctx);
    const federatedHead = await documentHead(used, ctx.req?.headers[REMOTE_VERSIONS_HEADER]);
    const nonce = ctx.req?.headers[NONCE_HEADER];
    // The proxy keeps it for /api/health: what this worker really renders.
    if (ctx.res && !ctx.res.headersSent) ctx.res.setHeader(RENDERS_HEADER, JSON.stringify(rendersReport()));
    return { ...initialProps, federatedHead, nonce: typeof nonce === 'string' ? nonce : undefined };
  }

  render() {
    const { federatedHead: head, nonce, buildManifest, __NEXT_DATA__: data } = this.props;
    // What Next links itself for this page: not linked a second time.
    const pageFiles = [...(buildManifest.pages['/_app'] ?? []), ...(buildManifest.pages[data.page] ?? [])];
    const ownOrigin = currentOrigins()[selfName];
    // The nonce goes on the one inline script. Every other script is a file from an origin the policy
    // names, and `__NEXT_DATA__` is JSON: a nonce there was ~11% of checkout's HTML, and React's
    // writing of it ~3% of the page's server CPU (measured). Next hands Head's and NextScript's nonce only
    // to those tags and to `beforeInteractive` scripts, which a pages app declares in `_document`: this one
    // declares none. (Pages' `next/script` inserted in the browser never took a nonce from the document.)
    return (
      <Html lang="en">
        <Head>
          <script nonce={nonce} id="federation-origins" dangerouslySetInnerHTML={{ __html: head.script }} />
          {/* Before Next's scripts (all deferred, run in order): every browser bundle takes the MF runtime from it. */}
          <script defer src={`/_next/${process.env.FEDERATION_RUNTIME_CORE_SCRIPT}`} />
          {head.entries.map((entry) => (
            <link key={entry} rel="preload" as="script" href={entry} />
          ))}
          <FlushedChunks chunks={linkedFiles([...ownExposeStyles(selfName), ...head.chunks], ownOrigin, pageFiles)} />
        </Head>
        <body>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
