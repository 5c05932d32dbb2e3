import type { Child } from 'hono/jsx';
import type { PublicShow } from '../domain/public-show-view.js';
import type { Labels } from './labels.js';
import type { SiteChrome } from './site-chrome.js';

/**
 * Skip link, the organisation's header (logo, name, search), the main landmark and a footer that
 * links the privacy and accessibility statements from every page.
 */
export function PublicLayout(props: {
  site?: SiteChrome;
  show?: PublicShow;
  labels: Labels;
  /** The show's own page: its title is the page heading, so the header does not repeat it. */
  home?: boolean;
  children?: Child;
}) {
  const { site, show, labels } = props;
  return (
    <>
      <a class="zp-skip" href="#main">
        {labels.skip}
      </a>
      <header class="zp-site">
        {site && (
          <a class="zp-brand" href={site.homeUrl}>
            {site.logo && (
              <img src={site.logo.url} alt="" width={site.logo.width / 2} height={site.logo.height / 2} />
            )}
            <span>{site.name}</span>
          </a>
        )}
        {show && !props.home && (
          <a class="zp-site-show" href={show.pageUrl} lang={show.language}>
            {show.title}
          </a>
        )}
        {site && (
          <search class="zp-site-search">
            <form action={site.searchUrl} method="get">
              <label for="zp-site-q" class="zp-sr">
                {labels.search}
              </label>
              <input id="zp-site-q" name="q" type="search" autocomplete="off" />
              <button type="submit">{labels.searchButton}</button>
            </form>
          </search>
        )}
      </header>
      <main id="main" class="zp-page-main">
        {props.children}
      </main>
      <footer class="zp-footer">
        {show && (
          <p>
            <a href={show.feedUrl}>{labels.rss}</a>
            {show.copyright && <span lang={show.language}> · {show.copyright}</span>}
          </p>
        )}
        {site && (
          <ul class="zp-footer-links">
            <li>
              <a href={site.privacyUrl}>{labels.privacyStatement}</a>
            </li>
            <li>
              <a href={site.accessibilityUrl}>{labels.accessibilityStatement}</a>
            </li>
            {site.website && (
              <li>
                <a href={site.website}>{site.name}</a>
              </li>
            )}
            {site.footerLinks.map((link) => (
              <li>
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
          </ul>
        )}
      </footer>
    </>
  );
}
