import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { Document } from './document.js';
import { fill } from './labels.js';
import type { PageContext } from './page-context.js';
import { Player } from './player.js';

/**
 * `/embed/shows/{slug}`: the latest episodes in one player; the newest is loaded, a click on the
 * list switches, and the script plays the next one when an episode ends.
 */
export function EmbedShowPage(props: { context: PageContext; show: PublicShow; episodes: PublicEpisode[] }) {
  const { context, show, episodes } = props;
  const first = episodes[0];
  return (
    <Document
      lang={context.labels.lang}
      title={show.title}
      scriptUrl={context.scriptUrl}
      styleUrls={context.styleUrls}
      inlineStyle={context.inlineStyle}
      bodyClass="zp-embed"
    >
      <main>
        {first ? (
          <Player
            id="zp-player"
            show={show}
            episode={first}
            labels={context.labels}
            title
            playlist={episodes}
          />
        ) : (
          <>
            <h1 class="zp-title">{show.title}</h1>
            <p>{context.labels.noEpisodes}</p>
          </>
        )}
        <p class="zp-credit">
          <a href={show.pageUrl} target="_blank" rel="noopener">
            {fill(context.labels.allEpisodes, { show: show.title })}
          </a>
        </p>
      </main>
    </Document>
  );
}
