import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { slugify } from '../common/slugify.js';
import type { Database, ShowUpdate } from '../db/database.js';
import { listEpisodeIdsOfShow } from '../db/repositories/episodes-repository.js';
import { deleteMediaFilesOfShow } from '../db/repositories/media-files-repository.js';
import { decodeCursor, encodeCursor } from '../db/repositories/page-cursor.js';
import {
  deleteShow,
  findShowById,
  findShowBySlug,
  findShowBySlugHistory,
  insertShow,
  listShows,
  retireShowSlug,
  updateShow,
} from '../db/repositories/shows-repository.js';
import { podcastGuid } from '../feeds/podcast-guid.js';
import { channels as socialChannels } from '../social/channels.js';
import type { BlobStore } from '../storage/blob-store.js';
import { isAppleCategory } from './apple-categories.js';
import { showChangesDeliveryTags } from './delivery-tags.js';
import type { DomainEventEmitter } from './domain-events.js';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.js';
import type { Page } from './page.js';
import { type MovedTo, type Show, type ShowInput, type ShowPatch, type ShowUrls, toShow } from './show.js';
import { licenseColumns, type ShowFeedTags } from './show-feed-tags.js';

export interface ShowsServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  urls: ShowUrls;
  store: BlobStore;
  /** Emits `show.changed` after any change a feed shows (the feed is rebuilt). */
  events: DomainEventEmitter;
  /** The parts a show's removal takes along; each removes its own. */
  removal: ShowRemovalPorts;
}

export interface ShowRemovalPorts {
  /** An episode with its files (the FK cascade alone would orphan them). */
  removeEpisode(episodeId: string): Promise<void>;
  /** The published feed document and its cached copies. */
  withdrawFeed(show: { id: string; slug: string }): Promise<void>;
}

function checkCategories(categories: string[] | undefined): void {
  const wrong = (categories ?? []).filter((category) => !isAppleCategory(category));
  if (wrong.length > 0) {
    throw new InvalidInputError(
      'invalid_input',
      wrong.map((category) => ({
        field: 'categories',
        code: 'unknown_category',
        message: `"${category}" is not one of Apple Podcasts' categories`,
      })),
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text =
    String((error as { code?: string; message?: string })?.code ?? '') + String((error as Error)?.message);
  return /23505|UNIQUE constraint failed|SQLITE_CONSTRAINT_UNIQUE/.test(text);
}

function normalisedMove(moved: MovedTo): MovedTo {
  return { feedUrl: moved.feedUrl, redirectAfter: new Date(moved.redirectAfter).toISOString() };
}

/**
 * The feed tags a create or patch sets, as they are kept in the extra column: what is not given
 * stays as it is, and null (or false, or an empty podroll) removes the key.
 */
function feedTagsPatch(input: ShowPatch): Partial<Record<keyof ShowFeedTags, unknown>> {
  const out: Partial<Record<keyof ShowFeedTags, unknown>> = {};
  for (const key of ['block', 'complete', 'location', 'podroll', 'updateFrequency'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    const empty = value === null || value === false || (Array.isArray(value) && value.length === 0);
    out[key] = empty ? undefined : value;
  }
  return out;
}

/** Create, read, update and delete shows; the only place that knows a show's rules. */
export function createShowsService(deps: ShowsServiceDeps) {
  const { db, clock, urls } = deps;

  async function requireRow(id: string) {
    const row = await findShowById(db, id);
    if (!row) throw new NotFoundError('show', id);
    return row;
  }

  return {
    async create(input: ShowInput): Promise<Show> {
      checkCategories(input.categories);
      const slug = input.slug ?? slugify(input.title);
      if (await findShowBySlug(db, slug)) throw new ConflictError('slug_taken', { slug });
      const now = clock.now().toISOString();
      const id = newId();
      try {
        await insertShow(db, {
          id,
          slug,
          title: input.title,
          description: input.description,
          language: input.language ?? 'nl',
          author: input.author,
          owner_name: input.owner.name ?? input.author,
          owner_email: input.owner.email,
          categories: JSON.stringify(input.categories ?? []),
          explicit: input.explicit ? 1 : 0,
          type: input.type ?? 'episodic',
          link: input.link ?? null,
          copyright: input.copyright ?? null,
          ...licenseColumns(input.license ?? null),
          locked: input.locked === false ? 0 : 1,
          funding: JSON.stringify(input.funding ?? []),
          // Permanent: derived from the first feed URL and never recomputed (namespace rule).
          guid: podcastGuid(urls.feedUrl(slug)),
          artwork: null,
          loudness_target_lufs: input.loudnessTargetLufs ?? null,
          social: JSON.stringify({
            channels: input.social?.channels ?? [...socialChannels],
            hashtags: input.social?.hashtags ?? [],
          }),
          persons: JSON.stringify(input.persons ?? []),
          new_feed_url: input.movedTo?.feedUrl ?? input.newFeedUrl ?? null,
          extra: JSON.stringify({
            subscribe: input.subscribe ?? {},
            embedAllowlist: input.embedAllowlist ?? [],
            txtVerify: input.txtVerify ?? [],
            ...feedTagsPatch(input),
            ...(input.movedTo ? { movedTo: normalisedMove(input.movedTo) } : {}),
          }),
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('slug_taken', { slug });
        throw error;
      }
      return toShow(await requireRow(id), urls);
    },

    async get(id: string): Promise<Show> {
      return toShow(await requireRow(id), urls);
    },

    async getBySlug(slug: string): Promise<Show> {
      const row = await findShowBySlug(db, slug);
      if (!row) throw new NotFoundError('show', slug);
      return toShow(row, urls);
    },

    async list(options: { limit: number; cursor?: string }): Promise<Page<Show>> {
      let after: ReturnType<typeof decodeCursor>;
      try {
        after = decodeCursor(options.cursor);
      } catch {
        throw new InvalidInputError('invalid_input', [
          { field: 'cursor', code: 'invalid', message: 'Unknown cursor' },
        ]);
      }
      const rows = await listShows(db, options.limit + 1, after);
      const items = rows.slice(0, options.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((row) => toShow(row, urls)),
        nextCursor:
          rows.length > options.limit && last
            ? encodeCursor({ createdAt: last.created_at, id: last.id })
            : null,
      };
    },

    async update(id: string, patch: ShowPatch): Promise<Show> {
      const row = await requireRow(id);
      checkCategories(patch.categories);
      if (patch.slug && patch.slug !== row.slug && (await findShowBySlug(db, patch.slug))) {
        throw new ConflictError('slug_taken', { slug: patch.slug });
      }
      const current = toShow(row, urls);
      const set: ShowUpdate = { updated_at: clock.now().toISOString() };
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.language !== undefined) set.language = patch.language;
      if (patch.author !== undefined) set.author = patch.author;
      if (patch.owner?.name !== undefined) set.owner_name = patch.owner.name;
      if (patch.owner?.email !== undefined) set.owner_email = patch.owner.email;
      if (patch.categories !== undefined) set.categories = JSON.stringify(patch.categories);
      if (patch.explicit !== undefined) set.explicit = patch.explicit ? 1 : 0;
      if (patch.type !== undefined) set.type = patch.type;
      if (patch.link !== undefined) set.link = patch.link;
      if (patch.copyright !== undefined) set.copyright = patch.copyright;
      if (patch.license !== undefined) Object.assign(set, licenseColumns(patch.license));
      if (patch.locked !== undefined) set.locked = patch.locked ? 1 : 0;
      if (patch.funding !== undefined) set.funding = JSON.stringify(patch.funding);
      if (patch.loudnessTargetLufs !== undefined) set.loudness_target_lufs = patch.loudnessTargetLufs;
      if (patch.persons !== undefined) set.persons = JSON.stringify(patch.persons);
      if (patch.newFeedUrl !== undefined) set.new_feed_url = patch.newFeedUrl;
      if (patch.social !== undefined) {
        set.social = JSON.stringify({
          channels: patch.social.channels ?? current.social.channels,
          hashtags: patch.social.hashtags ?? current.social.hashtags,
        });
      }
      const extra = { ...row.extra };
      if (patch.subscribe !== undefined) extra.subscribe = patch.subscribe;
      if (patch.embedAllowlist !== undefined) extra.embedAllowlist = patch.embedAllowlist;
      if (patch.txtVerify !== undefined) extra.txtVerify = patch.txtVerify;
      Object.assign(extra, feedTagsPatch(patch));
      if (patch.movedTo !== undefined) {
        // Moving away sets itunes:new-feed-url; coming back (null) clears both.
        extra.movedTo = patch.movedTo ? normalisedMove(patch.movedTo) : undefined;
        set.new_feed_url = patch.movedTo?.feedUrl ?? null;
      }
      set.extra = JSON.stringify(extra);
      try {
        await updateShow(db, id, set);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('slug_taken', { slug: String(patch.slug) });
        throw error;
      }
      // Keep the old slug so /feeds/{old}.xml can answer 301 to the new feed.
      if (set.slug && set.slug !== row.slug)
        await retireShowSlug(db, id, row.slug, clock.now().toISOString());
      const after = { title: set.title ?? row.title, author: set.author ?? row.author };
      await deps.events.emit('show.changed', {
        showId: id,
        deliveryTagsChanged: showChangesDeliveryTags(row, after),
      });
      return toShow(await requireRow(id), urls);
    },

    /** The slug a show has now, found by one it had before (old feed URLs redirect); null if none. */
    async currentSlugFor(oldSlug: string): Promise<string | null> {
      return (await findShowBySlugHistory(db, oldSlug))?.slug ?? null;
    },

    async remove(id: string): Promise<void> {
      const row = await requireRow(id);
      // Episodes first, through their own removal, so their files go too.
      for (const episodeId of await listEpisodeIdsOfShow(db, id)) await deps.removal.removeEpisode(episodeId);
      if (!(await deleteShow(db, id))) throw new NotFoundError('show', id);
      // The row is gone: withdraw the feed, then the show's own files (artwork, share images).
      await deps.removal.withdrawFeed({ id, slug: row.slug });
      for (const blob of await deps.store.list(`shows/${id}/`)) await deps.store.delete(blob.key);
      await deleteMediaFilesOfShow(db, id);
    },
  };
}

export type ShowsService = ReturnType<typeof createShowsService>;
