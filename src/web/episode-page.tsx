import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { shareImageAlt } from '../social/share-image.js';
import { Document } from './document.js';
import { episodeEmbedSize } from './embed-size.js';
import { clockTime, isoDuration, longDate } from './format-time.js';
import type { PageContext } from './page-context.js';
import { PageHead } from './page-head.js';
import { PeopleList } from './people-list.js';
import { Player } from './player.js';
import { PublicLayout } from './public-layout.js';
import { episodeJsonLd } from './structured-data.js';
import { TranscriptLanguages } from './transcript-languages.js';

/** `/shows/{show}/{episode}`: player with chapters, show notes, people and the synced transcript. */
export function EpisodePage(props: {
  context: PageContext;
  show: PublicShow;
  episode: PublicEpisode;
  start: number | null;
  baseUrl: string;
}) {
  const { context, show, episode } = props;
  const { labels } = context;
  const numbering = [
    episode.season !== null ? `${labels.season} ${episode.season}` : '',
    episode.number !== null ? `${labels.episode} ${episode.number}` : '',
  ].filter(Boolean);
  const description = (episode.summary || episode.descriptionText || show.descriptionText).slice(0, 300);
  return (
    <Document
      lang={labels.lang}
      title={`${episode.title} – ${show.title}`}
      description={description}
      scriptUrl={context.scriptUrl}
      styleUrls={context.styleUrls}
      inlineStyle={context.inlineStyle}
      bodyClass="zp-page"
      jsonLd={episodeJsonLd(show, episode)}
      head={
        <PageHead
          canonical={episode.pageUrl}
          title={episode.title}
          description={description}
          siteName={show.title}
          locale={show.language === 'en' ? 'en_GB' : 'nl_NL'}
          image={`${episode.pageUrl.replace('/shows/', '/media/')}/share.png`}
          imageSize={{
            width: 1200,
            height: 630,
            alt: shareImageAlt(episode.title, show.title, labels.lang === 'en' ? 'en' : 'nl'),
          }}
          embed={{ url: episode.embedUrl, ...episodeEmbedSize(show, episode) }}
          oembedBase={props.baseUrl}
          feed={{ url: show.feedUrl, title: show.title }}
          audio={{ url: episode.audio.url, type: episode.audio.type }}
        />
      }
    >
      <PublicLayout site={context.site} show={show} labels={labels}>
        <article>
          <h1 lang={show.language}>{episode.title}</h1>
          <p class="zp-meta">
            {episode.publishedAt && (
              <>
                {labels.published}{' '}
                <time datetime={episode.publishedAt}>{longDate(episode.publishedAt, labels)}</time>
                {' · '}
              </>
            )}
            {labels.duration}{' '}
            <time datetime={isoDuration(episode.duration)}>{clockTime(episode.duration)}</time>
            {numbering.length > 0 && ` · ${numbering.join(', ')}`}
          </p>
          <Player
            id="zp-player"
            show={show}
            episode={episode}
            labels={labels}
            start={props.start}
            chapters="open"
          />
          {episode.descriptionHtml && (
            <section aria-labelledby="zp-notes-heading">
              <h2 id="zp-notes-heading">{labels.showNotes}</h2>
              <div
                class="zp-notes"
                lang={show.language}
                dangerouslySetInnerHTML={{ __html: episode.descriptionHtml }}
              />
            </section>
          )}
          {episode.persons.length > 0 && (
            <section aria-labelledby="zp-people-heading">
              <h2 id="zp-people-heading">{labels.people}</h2>
              <PeopleList people={episode.persons} lang={show.language} pageLanguage={labels.lang} />
            </section>
          )}
          {episode.transcript && (
            <section aria-labelledby="zp-transcript-heading">
              <h2 id="zp-transcript-heading">{labels.transcript}</h2>
              <TranscriptLanguages
                transcript={episode.transcript}
                labels={labels}
                pageUrl={episode.pageUrl}
                anchor="#zp-transcript-heading"
              />
              <div
                lang={episode.transcript.language}
                class="zp-transcript zp-transcript-page"
                data-zp-transcript-for="zp-player"
                data-cue-label={labels.cueAt}
                dangerouslySetInnerHTML={{ __html: episode.transcript.html }}
              />
              <p>
                <a href={episode.transcript.vttUrl.replace(/\.vtt$/, '.html')}>{labels.fullTranscript}</a>
                {' · '}
                <a href={episode.transcript.vttUrl}>WebVTT</a>
              </p>
            </section>
          )}
          {!episode.transcript && episode.transcriptPending && (
            <section aria-labelledby="zp-transcript-heading">
              <h2 id="zp-transcript-heading">{labels.transcript}</h2>
              <p>{labels.transcriptFollows}</p>
            </section>
          )}
        </article>
      </PublicLayout>
    </Document>
  );
}
