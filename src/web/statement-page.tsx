import type { PageContext } from './page-context.js';
import { SitePage } from './site-page.js';
import { StatementText } from './statement-text.js';

/** `/privacy` and `/toegankelijkheid`: a statement in the visitor's language. */
export function StatementPage(props: {
  context: PageContext;
  title: string;
  text: string;
  canonical: string;
}) {
  const { context } = props;
  return (
    <SitePage context={context} title={props.title} canonical={props.canonical}>
      <article class="zp-statement">
        <h1>{props.title}</h1>
        <StatementText text={props.text} name={context.site?.name ?? 'zender'} />
      </article>
    </SitePage>
  );
}
