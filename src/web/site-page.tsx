import type { Child } from 'hono/jsx';
import { Document } from './document.js';
import type { PageContext } from './page-context.js';
import { PublicLayout } from './public-layout.js';

/** A page of the organisation's own (home, statements, search): the shell and the site frame. */
export function SitePage(props: {
  context: PageContext;
  title: string;
  description?: string;
  canonical: string;
  head?: Child;
  children?: Child;
}) {
  const { context } = props;
  return (
    <Document
      lang={context.labels.lang}
      title={props.title}
      description={props.description}
      scriptUrl={context.scriptUrl}
      styleUrls={context.styleUrls}
      inlineStyle={context.inlineStyle}
      bodyClass="zp-page"
      head={
        <>
          <link rel="canonical" href={props.canonical} />
          {props.head}
        </>
      }
    >
      <PublicLayout site={context.site} labels={context.labels}>
        {props.children}
      </PublicLayout>
    </Document>
  );
}
