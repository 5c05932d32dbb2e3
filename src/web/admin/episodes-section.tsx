import type { Episode } from '../../domain/episode.js';
import type { AdminContext } from './admin-context.js';
import { CsrfField } from './admin-layout.js';
import { Field, Section } from './form-field.js';
import { formatDateTime } from './format.js';
import { StatusBadge } from './status-badge.js';

/** A show's episodes with their status, the "new episode" form, and a link to the next page. */
export function EpisodesSection(props: {
  ctx: AdminContext;
  showId: string;
  episodes: Episode[];
  canEdit: boolean;
  /** The next page (or the full list), when there are more episodes. */
  more: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Section id="episodes" title={t.episodes}>
      {props.canEdit && (
        <form method="post" action={`/admin/shows/${props.showId}/episodes`} class="za-form za-inline-form">
          <CsrfField ctx={ctx} />
          <Field name="title" label={t.newEpisode} required />
          <button type="submit" class="za-button za-primary">
            {t.create}
          </button>
        </form>
      )}
      {props.episodes.length === 0 ? (
        <p>{t.noEpisodes}</p>
      ) : (
        <div class="za-table-wrap">
          <table class="za-table">
            <thead>
              <tr>
                <th scope="col">{t.title}</th>
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
                  <td>
                    <StatusBadge ctx={ctx} status={episode.status} />
                  </td>
                  <td>{formatDateTime(episode.publishedAt ?? episode.updatedAt, ctx.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.more && (
        <p>
          <a href={props.more}>{t.moreEpisodes}</a>
        </p>
      )}
    </Section>
  );
}
