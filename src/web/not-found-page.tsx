import { Document } from './document.js';
import type { PageContext } from './page-context.js';

/** A plain, accessible 404 for unknown or unpublished shows and episodes. */
export function NotFoundPage(props: { context: PageContext }) {
  const { labels } = props.context;
  return (
    <Document
      lang={labels.lang}
      title={labels.notFound}
      scriptUrl={props.context.scriptUrl}
      styleUrls={props.context.styleUrls}
      inlineStyle={props.context.inlineStyle}
      bodyClass="zp-page"
    >
      <main id="main" class="zp-page-main">
        <h1>{labels.notFound}</h1>
        <p>{labels.notFoundText}</p>
      </main>
    </Document>
  );
}
