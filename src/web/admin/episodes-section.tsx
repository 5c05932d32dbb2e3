import type { Episode } from '../../domain/episode.js';
import type { AdminContext } from './admin-context.js';
import { CsrfField } from './admin-layout.js';
import { EpisodeTable } from './episode-table.js';
import { Field, Section } from './form-field.js';

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
      <EpisodeTable
        ctx={ctx}
        episodes={props.episodes}
        changedAt={(episode) => episode.publishedAt ?? episode.updatedAt}
      />
      {props.more && (
        <p>
          <a href={props.more}>{t.moreEpisodes}</a>
        </p>
      )}
    </Section>
  );
}
