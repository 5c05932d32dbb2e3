import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import type { AppIcons } from './app-icons.js';
import { Document } from './document.js';
import { showEmbedSize } from './embed-size.js';
import { clockTime, isoDuration, longDate } from './format-time.js';
import type { PageContext } from './page-context.js';
import { PageHead } from './page-head.js';
import { PeopleList } from './people-list.js';
import { Player } from './player.js';
import { PublicLayout } from './public-layout.js';
import { seriesJsonLd } from './structured-data.js';
import { SubscribeSection } from './subscribe-section.js';

/** `/shows/{show}`: the show, how to subscribe, and its episodes each with a compact player. */
export function ShowPage(props: {
  context: PageContext;
  show: PublicShow;
  episodes: PublicEpisode[];
  baseUrl: string;
  icons: AppIcons;
}) {
  const { context, show, episodes } = props;
  const { labels } = context;
  const description = show.descriptionText.slice(0, 300);
  return (
    <Document
      lang={labels.lang}
      title={show.title}
      description={description}
      scriptUrl={context.scriptUrl}
      styleUrls={context.styleUrls}
      inlineStyle={context.inlineStyle}
      bodyClass="zp-page"
      jsonLd={seriesJsonLd(show)}
      head={
        <PageHead
          canonical={show.pageUrl}
          title={show.title}
          description={description}
          siteName={show.title}
          locale={show.language === 'en' ? 'en_GB' : 'nl_NL'}
          image={show.artworkUrl}
          embed={{ url: show.embedUrl, ...showEmbedSize(show, episodes) }}
          oembedBase={props.baseUrl}
          feed={{ url: show.feedUrl, title: show.title }}
        />
      }
    >
      <PublicLayout site={context.site} show={show} labels={labels} home>
        <div class="zp-show-head">
          {show.artworkUrl && (
            <img class="zp-show-art" src={show.artworkUrl} alt="" width="160" height="160" />
          )}
          <div>
            <h1 lang={show.language}>{show.title}</h1>
            <p class="zp-muted" lang={show.language}>
              {show.author}
            </p>
          </div>
        </div>
        <div
          class="zp-notes"
          lang={show.language}
          dangerouslySetInnerHTML={{ __html: show.descriptionHtml }}
        />
        <SubscribeSection
          show={show}
          labels={labels}
          icons={props.icons}
          qrUrl={`${show.pageUrl}/feed-qr.svg`}
        />
        {show.persons.length > 0 && (
          <section aria-labelledby="zp-hosts-heading">
            <h2 id="zp-hosts-heading">{labels.hosts}</h2>
            <PeopleList people={show.persons} lang={show.language} pageLanguage={labels.lang} />
          </section>
        )}
        <section aria-labelledby="zp-episodes-heading">
          <h2 id="zp-episodes-heading">{labels.episodes}</h2>
          {episodes.length === 0 && <p>{labels.noEpisodes}</p>}
          {episodes.map((episode) => (
            <article class="zp-episode" aria-labelledby={`zp-h-${episode.id}`}>
              <h3 id={`zp-h-${episode.id}`} lang={show.language}>
                <a href={episode.pageUrl}>{episode.title}</a>
              </h3>
              <p class="zp-meta">
                {episode.publishedAt && (
                  <time datetime={episode.publishedAt}>{longDate(episode.publishedAt, labels)}</time>
                )}
                {episode.publishedAt && ' · '}
                <time datetime={isoDuration(episode.duration)}>{clockTime(episode.duration)}</time>
              </p>
              {(episode.summary || episode.descriptionText) && (
                <p lang={show.language}>{(episode.summary || episode.descriptionText).slice(0, 280)}</p>
              )}
              <Player id={`zp-${episode.id}`} show={show} episode={episode} labels={labels} />
            </article>
          ))}
        </section>
      </PublicLayout>
    </Document>
  );
}
