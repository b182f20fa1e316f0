/**
 * A page's title and description, for people (the tab), search engines and
 * link previews. Every page sets its own; `_app` keeps a default for any that
 * does not. Works where another app renders the page: next/head is shared.
 */
import Head from 'next/head';

export const SITE_NAME = 'Federated store';

export interface PageHeadProps {
  title: string;
  description: string;
}

export function PageHead({ title, description }: PageHeadProps) {
  return (
    <Head>
      <title>{title === SITE_NAME ? title : `${title} · ${SITE_NAME}`}</title>
      <meta key="description" name="description" content={description} />
    </Head>
  );
}
