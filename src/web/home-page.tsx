import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { longDate } from './format-time.js';
import { fill } from './labels.js';
import type { PageContext } from './page-context.js';
import { SitePage } from './site-page.js';

/** `/`: the organisation's podcasts, each with its newest episode. */
export function HomePage(props: {
  context: PageContext;
  shows: { show: PublicShow; latest: PublicEpisode | null }[];
  canonical: string;
}) {
  const { context } = props;
  const { labels } = context;
  const title = fill(labels.homeTitle, { name: context.site?.name ?? 'zender' });
  return (
    <SitePage
      context={context}
      title={title}
      canonical={props.canonical}
      head={props.shows.map(({ show }) => (
        <link rel="alternate" type="application/rss+xml" title={show.title} href={show.feedUrl} />
      ))}
    >
      <h1>{title}</h1>
      {props.shows.length === 0 && <p>{labels.noShows}</p>}
      <ul class="zp-show-list">
        {props.shows.map(({ show, latest }) => (
          <li class="zp-show-card">
            {show.artworkUrl && <img src={show.artworkUrl} alt="" width="120" height="120" />}
            <div>
              <h2 lang={show.language}>
                <a href={show.pageUrl}>{show.title}</a>
              </h2>
              <p lang={show.language}>{show.descriptionText.slice(0, 240)}</p>
              {latest && (
                <p class="zp-meta">
                  {labels.latestEpisode}:{' '}
                  <a href={latest.pageUrl} lang={show.language}>
                    {latest.title}
                  </a>
                  {latest.publishedAt && (
                    <>
                      {' · '}
                      <time datetime={latest.publishedAt}>{longDate(latest.publishedAt, labels)}</time>
                    </>
                  )}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </SitePage>
  );
}
