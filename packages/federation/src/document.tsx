/**
 * The `_document` of every app: puts the remote modules' JS/CSS used by this
 * render into the server HTML (no unstyled flash) and hands the browser the
 * origins this server was started with.
 */
import { FlushedChunks, flushChunks } from '@module-federation/nextjs-mf/utils';
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { currentOrigins } from './apps';
import type { Origins } from './origins';
import { NONCE_HEADER, RENDERS_HEADER } from './header-names';
import { rendersReport } from './runtime/remote-state';

interface FederatedDocumentProps extends DocumentInitialProps {
  chunks: string[];
  origins: Origins;
  /** Set by the app's proxy per request; the Content-Security-Policy allows exactly it. */
  nonce: string | undefined;
}

/** JSON that cannot close the surrounding <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export default class FederatedDocument extends Document<FederatedDocumentProps> {
  static async getInitialProps(ctx: DocumentContext): Promise<FederatedDocumentProps> {
    const initialProps = await Document.getInitialProps(ctx);
    const chunks = await flushChunks();
    const nonce = ctx.req?.headers[NONCE_HEADER];
    // The proxy keeps it for /api/health: what this worker really renders.
    if (ctx.res && !ctx.res.headersSent) ctx.res.setHeader(RENDERS_HEADER, JSON.stringify(rendersReport()));
    return { ...initialProps, chunks, origins: currentOrigins(), nonce: typeof nonce === 'string' ? nonce : undefined };
  }

  render() {
    return (
      <Html lang="en">
        <Head nonce={this.props.nonce}>
          <script
            nonce={this.props.nonce}
            id="federation-origins"
            dangerouslySetInnerHTML={{ __html: `window.__FEDERATION_ORIGINS__=${inlineJson(this.props.origins)};` }}
          />
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
