import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { Document } from './document.js';
import type { PageContext } from './page-context.js';
import { Player } from './player.js';

/** `/embed/episodes/{id}`: one episode's player, for an iframe on a partner's page. */
export function EmbedEpisodePage(props: {
  context: PageContext;
  show: PublicShow;
  episode: PublicEpisode;
  start: number | null;
}) {
  const { context, show, episode } = props;
  return (
    <Document
      lang={context.labels.lang}
      title={`${episode.title} – ${show.title}`}
      scriptUrl={context.scriptUrl}
      styleUrls={context.styleUrls}
      inlineStyle={context.inlineStyle}
      bodyClass="zp-embed"
    >
      <main>
        <Player
          id="zp-player"
          show={show}
          episode={episode}
          labels={context.labels}
          start={props.start}
          title
          chapters="closed"
          transcript="panel"
        />
        <p class="zp-credit">
          <a href={episode.pageUrl} target="_blank" rel="noopener">
            {context.labels.openPage}
          </a>
        </p>
      </main>
    </Document>
  );
}
