import type { Episode } from '../../domain/episode.js';
import type { AdminContext } from './admin-context.js';
import { formatDateTime } from './format.js';
import { StatusBadge } from './status-badge.js';

/**
 * Episodes as the staff screens list them: the title linking to the episode, its show (on the
 * overview, where episodes of several shows meet), its status and when it last changed; or the
 * "no episodes" line.
 */
export function EpisodeTable<E extends Episode>(props: {
  ctx: AdminContext;
  episodes: E[];
  /** The show column's text; left out, the table has no show column. */
  showOf?: (episode: E) => string;
  /** The moment the last column shows. */
  changedAt: (episode: E) => string;
}) {
  const { ctx, showOf } = props;
  const { t } = ctx;
  if (props.episodes.length === 0) return <p>{t.noEpisodes}</p>;
  return (
    <div class="za-table-wrap">
      <table class="za-table">
        <thead>
          <tr>
            <th scope="col">{t.title}</th>
            {showOf && <th scope="col">{t.show}</th>}
            <th scope="col">{t.status}</th>
            <th scope="col">{t.updated}</th>
          </tr>
        </thead>
        <tbody>
          {props.episodes.map((episode) => (
            <tr>
              <td>
                <a href={`/admin/episodes/${episode.id}`}>{episode.title}</a>
              </td>
              {showOf && <td>{showOf(episode)}</td>}
              <td>
                <StatusBadge ctx={ctx} status={episode.status} />
              </td>
              <td>{formatDateTime(props.changedAt(episode), ctx.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
