import type { Episode } from '../../domain/episode.js';
import type { FeedProblem } from '../../domain/feed-check.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { FeedProblems } from './feed-problems.js';
import { Section } from './form-field.js';
import { formatDateTime, toLocalInput } from './format.js';

/** The feed check first; then publish now or schedule, blocked while there are errors. */
export function PublishSection(props: {
  ctx: AdminContext;
  episode: Episode;
  problems: FeedProblem[];
  canEdit: boolean;
}) {
  const { ctx, episode } = props;
  const { t } = ctx;
  const blocked = props.problems.some((p) => p.level === 'error');
  const publishable = ['ready', 'scheduled', 'published'].includes(episode.status);
  return (
    <Section id="publish" title={t.publish}>
      {episode.status === 'published' && episode.publishedAt && (
        <p>{fillLabel(t.publishedAt, { when: formatDateTime(episode.publishedAt, ctx.locale) })}</p>
      )}
      {episode.status === 'scheduled' && episode.publishAt && (
        <p>{fillLabel(t.scheduledAt, { when: formatDateTime(episode.publishAt, ctx.locale) })}</p>
      )}
      <h3>{t.feedCheck}</h3>
      <FeedProblems ctx={ctx} problems={props.problems} titles={new Map([[episode.id, episode.title]])} />
      {!props.canEdit ? null : !publishable ? (
        <p>{t.publishNeedsReady}</p>
      ) : blocked ? (
        <p>{t.publishBlocked}</p>
      ) : (
        <form method="post" action={`/admin/episodes/${episode.id}/publish`} class="za-form">
          <CsrfField ctx={ctx} />
          {episode.status !== 'published' && (
            <button type="submit" class="za-button za-primary" name="when" value="now">
              {t.publishNow}
            </button>
          )}
          <div class="za-field">
            <label for="f-publishAt">{t.publishAt}</label>
            <input
              id="f-publishAt"
              type="datetime-local"
              name="publishAt"
              value={toLocalInput(episode.status === 'scheduled' ? episode.publishAt : null)}
            />
          </div>
          <button type="submit" class="za-button" name="when" value="later">
            {t.schedule}
          </button>
        </form>
      )}
      {props.canEdit && ['published', 'scheduled'].includes(episode.status) && (
        <form method="post" action={`/admin/episodes/${episode.id}/unpublish`} class="za-form">
          <CsrfField ctx={ctx} />
          <button type="submit" class="za-button za-danger">
            {t.unpublish}
          </button>
        </form>
      )}
    </Section>
  );
}
