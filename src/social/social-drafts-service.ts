import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { Logger } from '../common/logger.js';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { SocialDraftRecord } from '../db/codecs/social-draft-codec.js';
import type { Database, SocialDraftRow } from '../db/database.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import {
  findSocialDraft,
  insertSocialDraft,
  listSocialDraftsOfEpisode,
  updateSocialDraft,
} from '../db/repositories/social-drafts-repository.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../domain/errors.js';
import type { PublicUrls } from '../domain/public-urls.js';
import type { WebhooksService } from '../webhooks/webhooks-service.js';
import { blueskyFacets, type Channel, channelRules, type Draft, fitsLimit, measureLength } from './index.js';
import type { ShareImages } from './share-image.js';
import {
  type Actor,
  type DraftAction,
  type DraftHistoryEntry,
  type DraftStatus,
  draftsFor,
  type SocialDraft,
  sortedByChannel,
  toDraft,
} from './social-draft.js';

/**
 * Social drafts: made by a job when an episode is published or scheduled, one per channel the
 * show enables; then edited (the length checked the channel's way), approved or rejected by
 * staff, and marked delivered once the approval reached a webhook. Every change is recorded.
 */
export function createSocialDraftsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  urls: PublicUrls;
  logger: Logger;
  shareImages: ShareImages;
  /** The webhook outbox; draft events are emitted inside the draft's own transaction. */
  outbox: Pick<WebhooksService, 'emit' | 'cancelDraft' | 'wake'>;
}) {
  const { db, clock, urls } = deps;

  async function load(episodeId: string): Promise<{ episode: EpisodeRecord; show: ShowRecord } | null> {
    const episode = await findEpisodeById(db, episodeId);
    const show = episode ? await findShowById(db, episode.show_id) : undefined;
    return episode && show ? { episode, show } : null;
  }

  async function requireContext(episodeId: string) {
    const context = await load(episodeId);
    if (!context) throw new NotFoundError('episode', episodeId);
    return context;
  }

  async function requireDraft(draftId: string) {
    const row = await findSocialDraft(db, draftId);
    if (!row) throw new NotFoundError('draft', draftId);
    return { row, ...(await requireContext(row.episode_id)) };
  }

  /** A broken artwork must not cost the drafts: they go out without an image and a regenerate tries again. */
  async function imageFor(episode: EpisodeRecord, show: ShowRecord): Promise<string | null> {
    try {
      return JSON.stringify(await deps.shareImages.ensure(episode, show));
    } catch (error) {
      deps.logger.warn({ err: error, episodeId: episode.id }, 'share image not made');
      return null;
    }
  }

  function entry(action: DraftAction, by: Actor | null, status: DraftStatus, note?: string) {
    return { at: clock.now().toISOString(), action, by, status, ...(note ? { note } : {}) };
  }

  function withHistory(row: SocialDraftRecord, add: DraftHistoryEntry): string {
    // Capped so a draft edited a thousand times stays a small row; the first entry (creation) stays.
    const history = [...row.history, add];
    return JSON.stringify(history.length > 100 ? [history[0], ...history.slice(-99)] : history);
  }

  function newRow(episodeId: string, draft: Draft, image: string | null, by: Actor | null): SocialDraftRow {
    const now = clock.now().toISOString();
    return {
      id: newId(),
      episode_id: episodeId,
      channel: draft.channel,
      status: 'draft',
      ...content(draft, image),
      history: JSON.stringify([entry('generated', by, 'draft')]),
      created_at: now,
      updated_at: now,
    };
  }

  function content(draft: Draft, image: string | null) {
    return {
      text: draft.text,
      length: draft.length,
      length_limit: draft.limit,
      link: draft.link,
      facets: draft.facets ? JSON.stringify(draft.facets) : null,
      image,
    };
  }

  async function transition(
    draftId: string,
    action: 'approved' | 'rejected',
    from: DraftStatus[],
    actor: Actor,
    note?: string,
  ): Promise<SocialDraft> {
    const { row, episode, show } = await requireDraft(draftId);
    const refuse = () =>
      new ConflictError('draft_state', {
        status: row.status,
        action: action === 'approved' ? 'approve' : 'reject',
      });
    if (!from.includes(row.status)) throw refuse();
    // Only a page URL longer than the channel allows makes a generated draft too long; never approve it.
    if (action === 'approved' && !fitsLimit(row.channel as Channel, row.text)) throw tooLong(row);
    const now = clock.now().toISOString();
    const changed = await db.transaction().execute(async (trx) => {
      const done = await updateSocialDraft(trx, draftId, [row.status], {
        status: action,
        history: withHistory(row, entry(action, actor, action, note)),
        updated_at: now,
      });
      if (!done) return null;
      const fresh = (await findSocialDraft(trx, draftId))!;
      const draft = toDraft(fresh, episode, show, urls.base);
      if (action === 'rejected') await deps.outbox.cancelDraft(draftId, trx);
      await deps.outbox.emit(
        {
          showId: show.id,
          type: action === 'approved' ? 'draft.approved' : 'draft.rejected',
          data: { draft, episode: episodeSummary(episode, show), show: showSummary(show) },
          channel: draft.channel,
          draftId,
        },
        trx,
      );
      return draft;
    });
    if (!changed) throw refuse(); // someone else changed it first
    deps.outbox.wake();
    return changed;
  }

  function tooLong(row: { channel: string; text: string }) {
    const channel = row.channel as Channel;
    const length = measureLength(channel, row.text);
    const limit = channelRules[channel].limit;
    return new UnprocessableError('draft_too_long', { channel: channelRules[channel].label, length, limit }, [
      {
        field: 'text',
        code: 'too_long',
        message: `${length} > ${limit} (${channelRules[channel].counting})`,
      },
    ]);
  }

  function episodeSummary(episode: EpisodeRecord, show: ShowRecord) {
    return {
      id: episode.id,
      slug: episode.slug,
      title: episode.title,
      summary: episode.summary,
      status: episode.status,
      publishAt: episode.publish_at,
      publishedAt: episode.published_at,
      duration: episode.duration_seconds,
      url: urls.episodePage(show.slug, episode.slug),
      audioUrl: episode.audio ? urls.audioUrl(show.slug, episode.slug, episode.enclosure_path) : null,
    };
  }

  function showSummary(show: ShowRecord) {
    return { id: show.id, slug: show.slug, title: show.title, language: show.language };
  }

  return {
    async list(episodeId: string): Promise<SocialDraft[]> {
      const { episode, show } = await requireContext(episodeId);
      return sortedByChannel(await listSocialDraftsOfEpisode(db, episodeId)).map((row) =>
        toDraft(row, episode, show, urls.base),
      );
    },

    async get(draftId: string): Promise<SocialDraft> {
      const { row, episode, show } = await requireDraft(draftId);
      return toDraft(row, episode, show, urls.base);
    },

    /** Staff's own words; only while a draft, and only within the channel's limit (Bluesky facets follow). */
    async edit(draftId: string, text: string, actor: Actor): Promise<SocialDraft> {
      const { row, episode, show } = await requireDraft(draftId);
      if (row.status !== 'draft')
        throw new ConflictError('draft_state', { status: row.status, action: 'edit' });
      const channel = row.channel as Channel;
      if (!fitsLimit(channel, text)) throw tooLong({ channel, text });
      const done = await updateSocialDraft(db, draftId, ['draft'], {
        text,
        length: measureLength(channel, text),
        facets:
          channel === 'bluesky'
            ? JSON.stringify(blueskyFacets(text, [row.link]))
            : row.facets && JSON.stringify(row.facets),
        history: withHistory(row, entry('edited', actor, 'draft')),
        updated_at: clock.now().toISOString(),
      });
      if (!done) throw new ConflictError('draft_state', { status: 'approved', action: 'edit' });
      return toDraft((await findSocialDraft(db, draftId))!, episode, show, urls.base);
    },

    approve: (draftId: string, actor: Actor) => transition(draftId, 'approved', ['draft'], actor),

    /** A draft, or an approval not yet delivered, can be withdrawn; pending deliveries stop. */
    reject: (draftId: string, actor: Actor, note?: string) =>
      transition(draftId, 'rejected', ['draft', 'approved'], actor, note),

    /**
     * The job: drafts for the enabled channels that have none yet. Drafts staff already touched
     * stay as they are, so running it again (a schedule, then the publish) changes nothing.
     */
    async generate(episodeId: string): Promise<void> {
      const context = await load(episodeId);
      if (!context) return;
      const { episode, show } = context;
      const existing = new Set((await listSocialDraftsOfEpisode(db, episodeId)).map((row) => row.channel));
      const missing = draftsFor(episode, show, urls).filter((draft) => !existing.has(draft.channel));
      if (missing.length === 0) return;
      const image = await imageFor(episode, show);
      for (const draft of missing) await insertSocialDraft(db, newRow(episodeId, draft, image, null));
    },

    /**
     * Staff ask for fresh text from the templates: every draft not yet delivered is rewritten
     * and back to `draft` (an approval was of the old text); delivered ones are history. Drafts
     * of a channel the show no longer enables are left for staff to reject.
     */
    async regenerate(episodeId: string, actor: Actor): Promise<SocialDraft[]> {
      const { episode, show } = await requireContext(episodeId);
      const rows = await listSocialDraftsOfEpisode(db, episodeId);
      const image = await imageFor(episode, show);
      const now = clock.now().toISOString();
      const drafts = draftsFor(episode, show, urls);
      await db.transaction().execute(async (trx) => {
        for (const draft of drafts) {
          const row = rows.find((r) => r.channel === draft.channel);
          if (!row) await insertSocialDraft(trx, newRow(episodeId, draft, image, actor));
          if (!row || row.status === 'delivered') continue;
          await deps.outbox.cancelDraft(row.id, trx);
          await updateSocialDraft(trx, row.id, [row.status], {
            ...content(draft, image),
            status: 'draft',
            history: withHistory(row, entry('regenerated', actor, 'draft')),
            updated_at: now,
          });
        }
      });
      return sortedByChannel(await listSocialDraftsOfEpisode(db, episodeId)).map((row) =>
        toDraft(row, episode, show, urls.base),
      );
    },

    /** A webhook took the approved draft: it is out of zender's hands now. */
    async markDelivered(draftId: string): Promise<void> {
      const row = await findSocialDraft(db, draftId);
      if (row?.status !== 'approved') return;
      await updateSocialDraft(db, draftId, ['approved'], {
        status: 'delivered',
        history: withHistory(row, entry('delivered', null, 'delivered', 'webhook')),
        updated_at: clock.now().toISOString(),
      });
    },

    /** The data of an episode event (`episode.published`, `episode.scheduled`), or null when it is gone. */
    async episodeEvent(episodeId: string) {
      const context = await load(episodeId);
      if (!context) return null;
      const { episode, show } = context;
      return {
        showId: show.id,
        status: episode.status,
        publishAt: episode.publish_at,
        data: { episode: episodeSummary(episode, show), show: showSummary(show) },
      };
    },
  };
}

export type SocialDraftsService = ReturnType<typeof createSocialDraftsService>;
