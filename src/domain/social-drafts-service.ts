import type { Kysely } from 'kysely';
import type { Database, EpisodeRow, ShowRow, SocialDraftRow } from '../db/database.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import {
  findSocialDraft,
  insertSocialDraft,
  listSocialDraftsOfEpisode,
  updateSocialDraft,
} from '../db/repositories/social-drafts-repository.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import type { Logger } from '../shared/logger.js';
import {
  type BlueskyFacet,
  blueskyFacets,
  buildDrafts,
  type Channel,
  channelRules,
  channels,
  type Draft,
  fitsLimit,
  isChannel,
  measureLength,
} from '../social/index.js';
import type { EpisodeExtra } from './episode.js';
import { ConflictError, NotFoundError, UnprocessableError } from './errors.js';
import type { PublicUrls } from './public-urls.js';
import type { ShareImage, ShareImages } from './share-image.js';
import type { WebhooksService } from './webhooks-service.js';

export type DraftStatus = SocialDraftRow['status'];
export type DraftAction = 'generated' | 'regenerated' | 'edited' | 'approved' | 'rejected' | 'delivered';

/** Who changed a draft; null in history means zender itself (a job or a webhook delivery). */
export interface Actor {
  tokenId: string;
  name: string;
}

export interface DraftHistoryEntry {
  at: string;
  action: DraftAction;
  by: Actor | null;
  status: DraftStatus;
  note?: string;
}

/** The public JSON shape of a social draft (PRODUCT.md), with Bluesky facets and the audit list. */
export interface SocialDraft {
  id: string;
  episodeId: string;
  channel: Channel;
  label: string;
  text: string;
  length: number;
  limit: number;
  fits: boolean;
  status: DraftStatus;
  link: string;
  facets?: BlueskyFacet[];
  image: { url: string; alt: string; width: number; height: number } | null;
  history: DraftHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

// Podcasting 2.0 person roles of the people who make the show rather than appear as guests.
const crew = new Set(['host', 'co-host', 'producer', 'editor', 'sound designer', 'audio engineer']);

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
  events: Pick<WebhooksService, 'emit' | 'cancelDraft' | 'wake'>;
}) {
  const { db, clock, urls } = deps;

  async function load(episodeId: string): Promise<{ episode: EpisodeRow; show: ShowRow } | null> {
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

  function toDraft(row: SocialDraftRow, episode: EpisodeRow, show: ShowRow): SocialDraft {
    const channel = row.channel as Channel;
    const image = row.image ? (JSON.parse(row.image) as ShareImage) : null;
    return {
      id: row.id,
      episodeId: row.episode_id,
      channel,
      label: channelRules[channel]?.label ?? row.channel,
      text: row.text,
      length: row.length,
      limit: row.length_limit,
      fits: isChannel(channel) && fitsLimit(channel, row.text),
      status: row.status,
      link: row.link,
      ...(row.facets ? { facets: JSON.parse(row.facets) as BlueskyFacet[] } : {}),
      image: image
        ? {
            url: `${urls.base}/media/${show.slug}/${episode.slug}/share.png`,
            alt: image.alt,
            width: image.width,
            height: image.height,
          }
        : null,
      history: JSON.parse(row.history),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** In the usual channel order (Mastodon first, as everywhere in zender), unknown ones last. */
  function sorted(rows: SocialDraftRow[]): SocialDraftRow[] {
    const rank = (channel: string) => (isChannel(channel) ? channels.indexOf(channel) : channels.length);
    return [...rows].sort((a, b) => rank(a.channel) - rank(b.channel));
  }

  function draftsFor(episode: EpisodeRow, show: ShowRow): Draft[] {
    const social = JSON.parse(show.social) as {
      channels?: Channel[];
      hashtags?: string[];
      templates?: Partial<Record<Channel, string>>;
    };
    const persons = (JSON.parse(episode.extra) as EpisodeExtra).persons ?? [];
    return buildDrafts({
      show: {
        slug: show.slug,
        title: show.title,
        language: show.language,
        hashtags: social.hashtags,
        channels: social.channels,
        templates: social.templates,
      },
      episode: {
        title: episode.title,
        summary: episode.summary,
        pageUrl: urls.episodePage(show.slug, episode.slug),
        durationSeconds: episode.duration_seconds,
        guests: persons
          .filter((person) => !crew.has(person.role?.trim().toLowerCase() ?? ''))
          .map((person) => ({
            name: person.name,
            role: person.role?.trim().toLowerCase() === 'guest' ? null : person.role,
            organisation: person.organisation,
          })),
      },
    });
  }

  /** A broken artwork must not cost the drafts: they go out without an image and a regenerate tries again. */
  async function imageFor(episode: EpisodeRow, show: ShowRow): Promise<string | null> {
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

  function withHistory(row: SocialDraftRow, add: DraftHistoryEntry): string {
    // Capped so a draft edited a thousand times stays a small row; the first entry (creation) stays.
    const history = [...(JSON.parse(row.history) as DraftHistoryEntry[]), add];
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
      const draft = toDraft(fresh, episode, show);
      if (action === 'rejected') await deps.events.cancelDraft(draftId, trx);
      await deps.events.emit(
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
    deps.events.wake();
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

  function episodeSummary(episode: EpisodeRow, show: ShowRow) {
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

  function showSummary(show: ShowRow) {
    return { id: show.id, slug: show.slug, title: show.title, language: show.language };
  }

  return {
    async list(episodeId: string): Promise<SocialDraft[]> {
      const { episode, show } = await requireContext(episodeId);
      return sorted(await listSocialDraftsOfEpisode(db, episodeId)).map((row) => toDraft(row, episode, show));
    },

    async get(draftId: string): Promise<SocialDraft> {
      const { row, episode, show } = await requireDraft(draftId);
      return toDraft(row, episode, show);
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
        facets: channel === 'bluesky' ? JSON.stringify(blueskyFacets(text, [row.link])) : row.facets,
        history: withHistory(row, entry('edited', actor, 'draft')),
        updated_at: clock.now().toISOString(),
      });
      if (!done) throw new ConflictError('draft_state', { status: 'approved', action: 'edit' });
      return toDraft((await findSocialDraft(db, draftId))!, episode, show);
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
      const missing = draftsFor(episode, show).filter((draft) => !existing.has(draft.channel));
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
      const drafts = draftsFor(episode, show);
      await db.transaction().execute(async (trx) => {
        for (const draft of drafts) {
          const row = rows.find((r) => r.channel === draft.channel);
          if (!row) await insertSocialDraft(trx, newRow(episodeId, draft, image, actor));
          if (!row || row.status === 'delivered') continue;
          await deps.events.cancelDraft(row.id, trx);
          await updateSocialDraft(trx, row.id, [row.status], {
            ...content(draft, image),
            status: 'draft',
            history: withHistory(row, entry('regenerated', actor, 'draft')),
            updated_at: now,
          });
        }
      });
      return sorted(await listSocialDraftsOfEpisode(db, episodeId)).map((row) => toDraft(row, episode, show));
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
