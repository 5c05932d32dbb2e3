import type { Child } from 'hono/jsx';
import type { PublicShow } from '../domain/public-catalog.js';
import type { Labels } from './labels.js';

/** Skip link, site header, main landmark and footer around a public page. */
export function PublicLayout(props: { show: PublicShow; labels: Labels; home?: boolean; children?: Child }) {
  const { show, labels } = props;
  return (
    <>
      <a class="zp-skip" href="#main">
        {labels.skip}
      </a>
      {!props.home && (
        <header class="zp-site">
          <a href={show.pageUrl} lang={show.language}>
            {show.title}
          </a>
        </header>
      )}
      <main id="main" class="zp-page-main">
        {props.children}
      </main>
      <footer class="zp-footer">
        <p>
          <a href={show.feedUrl}>{labels.rss}</a>
          {show.copyright && <span lang={show.language}> · {show.copyright}</span>}
        </p>
      </footer>
    </>
  );
}
