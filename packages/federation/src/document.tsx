/**
 * The `_document` of every app: puts the remote modules' JS/CSS used by this
 * render into the server HTML (no unstyled flash) and hands the browser the
 * origins this server was started with.
 */
import { FlushedChunks, flushChunks } from '@module-federation/nextjs-mf/utils';
import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { currentOrigins } from './apps';
import type { Origins } from './origins';

interface FederatedDocumentProps extends DocumentInitialProps {
  chunks: string[];
  origins: Origins;
}

/** JSON that cannot close the surrounding <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export default class FederatedDocument extends Document<FederatedDocumentProps> {
  static async getInitialProps(ctx: DocumentContext): Promise<FederatedDocumentProps> {
    const initialProps = await Document.getInitialProps(ctx);
    const chunks = await flushChunks();
    return { ...initialProps, chunks, origins: currentOrigins() };
  }

  render() {
    return (
      <Html lang="en">
        <Head>
          <script
            id="federation-origins"
            dangerouslySetInnerHTML={{ __html: `window.__FEDERATION_ORIGINS__=${inlineJson(this.props.origins)};` }}
          />
          <FlushedChunks chunks={this.props.chunks} />
        </Head>
        <body>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
