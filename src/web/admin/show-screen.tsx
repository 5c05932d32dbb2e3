import type { Episode } from '../../domain/episode.js';
import type { FeedProblem } from '../../domain/feed-check.js';
import type { Show } from '../../domain/show.js';
import type { AuditEvent } from '../../domain/staff/audit-trail.js';
import type { Webhook } from '../../webhooks/webhooks-service.js';
import type { AdminContext } from './admin-context.js';
import { fillLabel } from './admin-labels.js';
import { CsrfField } from './admin-layout.js';
import { CopyField } from './copy-field.js';
import { DangerZone } from './danger-zone.js';
import { DownloadsLink } from './downloads-admin-page.js';
import { EpisodesSection } from './episodes-section.js';
import { FeedCheckLink } from './feed-check-page.js';
import { FeedProblems } from './feed-problems.js';
import { Section } from './form-field.js';
import { HistoryList } from './history-list.js';
import { ExportSection } from './imports-page.js';
import { ShowForm, type ShowFormErrorKey, type ShowFormValues } from './show-form.js';
import { WebhooksSection } from './webhooks-section.js';

export interface ShowScreenData {
  show: Show;
  episodes: Episode[];
  nextCursor: string | null;
  problems: FeedProblem[];
  webhooks: Webhook[];
  history: AuditEvent[];
  canEdit: boolean;
  /** Admins only: a show takes every episode with it. */
  canDelete: boolean;
  values: ShowFormValues;
  errors: Record<string, ShowFormErrorKey>;
  newSecret?: string | null;
  defaultLufs: number;
}

/** One show: its feed, episodes, details, artwork, feed check, webhooks and history. */
export function ShowScreen({ ctx, data }: { ctx: AdminContext; data: ShowScreenData }) {
  const { t } = ctx;
  const { show } = data;
  const titles = new Map(data.episodes.map((e) => [e.id, e.title]));
  return (
    <>
      <CopyField ctx={ctx} id="feed-url" label={t.feedUrl} value={show.feedUrl} />
      <EpisodesSection
        ctx={ctx}
        showId={show.id}
        episodes={data.episodes}
        canEdit={data.canEdit}
        more={data.nextCursor ? `/admin/shows/${show.id}/episodes` : null}
      />
      <Section id="artwork" title={t.artwork}>
        {show.artworkUrl ? (
          <img
            class="za-artwork"
            src={show.artworkUrl}
            alt={fillLabel(t.artworkAlt, { title: show.title })}
            width={200}
            height={200}
          />
        ) : (
          <p>{t.artworkNone}</p>
        )}
        {data.canEdit && (
          <form
            method="post"
            action={`/admin/shows/${show.id}/artwork`}
            enctype="multipart/form-data"
            class="za-form"
          >
            <CsrfField ctx={ctx} />
            <div class="za-field">
              <label for="f-artwork">{t.uploadArtwork}</label>
              <p class="za-hint" id="f-artwork-hint">
                {t.artworkHint}
              </p>
              <input
                id="f-artwork"
                type="file"
                name="artwork"
                accept="image/jpeg,image/png"
                required
                aria-describedby="f-artwork-hint"
                data-preview="#artwork-preview"
              />
              <img id="artwork-preview" class="za-artwork" alt="" hidden />
            </div>
            <button type="submit" class="za-button">
              {t.uploadArtwork}
            </button>
          </form>
        )}
      </Section>
      <Section id="feed-check" title={t.feedCheck}>
        <FeedProblems ctx={ctx} problems={data.problems} titles={titles} />
        <FeedCheckLink ctx={ctx} showId={show.id} />
      </Section>
      <Section id="details" title={t.showSettings}>
        {data.canEdit ? (
          <ShowForm
            ctx={ctx}
            action={`/admin/shows/${show.id}`}
            values={data.values}
            errors={data.errors}
            submit={t.save}
            defaultLufs={data.defaultLufs}
          />
        ) : (
          <dl class="za-facts">
            <dt>{t.description}</dt>
            <dd>{show.description}</dd>
            <dt>{t.author}</dt>
            <dd>{show.author}</dd>
            <dt>{t.category}</dt>
            <dd>{show.categories.join(', ')}</dd>
          </dl>
        )}
      </Section>
      <WebhooksSection
        ctx={ctx}
        showId={show.id}
        webhooks={data.webhooks}
        canEdit={data.canEdit}
        newSecret={data.newSecret}
      />
      <DownloadsLink ctx={ctx} href={`/admin/shows/${show.id}/downloads`} />
      <ExportSection ctx={ctx} showId={show.id} />
      <HistoryList ctx={ctx} events={data.history} />
      {data.canDelete && (
        <DangerZone ctx={ctx} action={`/admin/shows/${show.id}/delete`} label={t.deleteShow} />
      )}
    </>
  );
}
