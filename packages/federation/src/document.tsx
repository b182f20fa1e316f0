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
import { claimServer, registry, currentOrigins, selfName } from './runtime-registry';
import { remoteEntryUrl, type Origins } from './origins';
import { ownExposeStyles } from './own-styles';
import { NONCE_HEADER, REMOTE_VERSIONS_HEADER, RENDERS_HEADER } from './header-names';
import { versionedEntry, versionsFromHeader, type RemoteVersions } from './remote-versions';
import { filesOf } from './runtime/flush-chunks';
import { UsedModules } from './runtime/used-modules';
import { rendersReport } from './runtime/remote-state';

// Next loads `_document` before it renders any page, and only the app's own server loads it.
claimServer();

interface FederatedDocumentProps extends DocumentInitialProps {
  chunks: string[];
  /** Browser entries of the remotes this render used, versioned: the browser fetches them early. */
  entries: string[];
  origins: Origins;
  versions: RemoteVersions;
  /** Set by the app's proxy per request; the Content-Security-Policy allows exactly it. */
  nonce: string | undefined;
}

/** JSON that cannot close the surrounding <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The versioned browser entry of every remote whose chunks this render flushed. */
function usedEntries(chunks: string[], origins: Origins, versions: RemoteVersions): string[] {
  return registry
    .filter(({ name }) => name !== selfName && versions[name] && chunks.some((chunk) => chunk.startsWith(`${origins[name]}/`)))
    .map(({ name }) => versionedEntry(remoteEntryUrl(origins[name] as string, 'browser'), versions[name]));
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
    const origins = currentOrigins();
    const chunks = await filesOf(used, origins);
    const nonce = ctx.req?.headers[NONCE_HEADER];
    // Dev keeps nextjs-mf's `t=<now>`: there, entries change with every compile.
    const versions =
      process.env.NODE_ENV === 'production' ? (versionsFromHeader(ctx.req?.headers[REMOTE_VERSIONS_HEADER]) ?? {}) : {};
    // The proxy keeps it for /api/health: what this worker really renders.
    if (ctx.res && !ctx.res.headersSent) ctx.res.setHeader(RENDERS_HEADER, JSON.stringify(rendersReport()));
    return {
      ...initialProps,
      chunks,
      entries: usedEntries(chunks, origins, versions),
      origins,
      versions,
      nonce: typeof nonce === 'string' ? nonce : undefined,
    };
  }

  render() {
    return (
      <Html lang="en">
        <Head nonce={this.props.nonce}>
          <script
            nonce={this.props.nonce}
            id="federation-origins"
            dangerouslySetInnerHTML={{
              __html: `window.__FEDERATION_ORIGINS__=${inlineJson(this.props.origins)};window.__FEDERATION_VERSIONS__=${inlineJson(this.props.versions)};`,
            }}
          />
          {/* Before Next's scripts (all deferred, run in order): every browser bundle takes the MF runtime from it. */}
          <script defer nonce={this.props.nonce} src={`/_next/${process.env.FEDERATION_RUNTIME_CORE_SCRIPT}`} />
          {this.props.entries.map((entry) => (
            <link key={entry} rel="preload" as="script" href={entry} />
          ))}
          {ownExposeStyles(selfName).map((href) => (
            <link key={href} rel="stylesheet" href={href} />
          ))}
          <FlushedChunks chunks={this.props.chunks} />
        </Head>
        <body>
          <Main />
          <NextScript nonce={this.props.nonce} />
        </body>
      </Html>
    );
  }
}
