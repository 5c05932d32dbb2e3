import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { slugify } from '../common/slugify.js';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { Database, EpisodeUpdate } from '../db/database.js';
import {
  deleteEpisode,
  findEpisodeById,
  insertEpisode,
  listEpisodes,
  updateEpisode,
} from '../db/repositories/episodes-repository.js';
import {
  deleteMediaFilesOfEpisode,
  listMediaFilesOfEpisode,
} from '../db/repositories/media-files-repository.js';
import { decodeCursor, encodeCursor } from '../db/repositories/page-cursor.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { DomainEventEmitter } from './domain-events.js';
import {
  type Episode,
  type EpisodeExtra,
  type EpisodeInput,
  type EpisodePatch,
  type EpisodeUrls,
  toEpisode,
} from './episode.js';
import { createEpisodePaths } from './episode-paths.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import type { Page } from './page.js';

export interface EpisodesServiceDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  urls: EpisodeUrls;
  events: DomainEventEmitter;
}

/** Create, read, update and delete episodes; file handling lives in the ingest service. */
export function createEpisodesService(deps: EpisodesServiceDeps) {
  const { db, clock, urls } = deps;
  const paths = createEpisodePaths({ db, clock });

  async function requireShow(showId: string) {
    const show = await findShowById(db, showId);
    if (!show) throw new NotFoundError('show', showId);
    return show;
  }

  async function requireRow(id: string) {
    const row = await findEpisodeById(db, id);
    if (!row) throw new NotFoundError('episode', id);
    return row;
  }

  async function view(row: EpisodeRecord): Promise<Episode> {
    const show = await requireShow(row.show_id);
    return toEpisode(row, show.slug, urls);
  }

  return {
    async create(showId: string, input: EpisodeInput): Promise<Episode> {
      await requireShow(showId);
      let slug: string;
      if (input.slug) {
        await paths.assertAvailable(showId, input.slug);
        slug = input.slug;
      } else {
        slug = await paths.freeSlug(showId, slugify(input.title));
      }
      const now = clock.now().toISOString();
      const id = newId();
      const extra: EpisodeExtra = { persons: input.persons ?? [], soundbites: input.soundbites ?? [] };
      await insertEpisode(db, {
        id,
        show_id: showId,
        slug,
        title: input.title,
        summary: input.summary ?? null,
        description: input.description ?? null,
        season: input.season ?? null,
        number: input.number ?? null,
        type: input.type ?? 'full',
        explicit: input.explicit ? 1 : 0,
        status: 'draft',
        failure_reason: null,
        publish_at: input.publishAt ?? null,
        published_at: null,
        // Permanent and independent of title, slug and URL: apps dedupe on it forever.
        guid: newId(),
        duration_seconds: null,
        audio: null,
        enclosure_path: null,
        artwork: null,
        quality: null,
        transcript: JSON.stringify({ status: 'none', languages: [] }),
        chapters: null,
        job_id: null,
        extra: JSON.stringify(extra),
        created_at: now,
        updated_at: now,
      });
      return view(await requireRow(id));
    },

    async get(id: string): Promise<Episode> {
      return view(await requireRow(id));
    },

    async list(showId: string, options: { limit: number; cursor?: string }): Promise<Page<Episode>> {
      const show = await requireShow(showId);
      let after: ReturnType<typeof decodeCursor>;
      try {
        after = decodeCursor(options.cursor);
      } catch {
        throw new InvalidInputError('invalid_input', [
          { field: 'cursor', code: 'invalid', message: 'Unknown cursor' },
        ]);
      }
      const rows = await listEpisodes(db, showId, options.limit + 1, after);
      const items = rows.slice(0, options.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((row) => toEpisode(row, show.slug, urls)),
        nextCursor:
          rows.length > options.limit && last
            ? encodeCursor({ createdAt: last.created_at, id: last.id })
            : null,
      };
    },

    async update(id: string, patch: EpisodePatch): Promise<Episode> {
      const row = await requireRow(id);
      const renamed = patch.slug !== undefined && patch.slug !== row.slug;
      if (renamed) await paths.assertAvailable(row.show_id, patch.slug!, id);
      // A public episode answers at its new slug at once: the path is its from now on.
      if (renamed && (row.status === 'published' || row.status === 'scheduled'))
        await paths.claim({ ...row, slug: patch.slug! });
      const set: EpisodeUpdate = { updated_at: clock.now().toISOString() };
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.summary !== undefined) set.summary = patch.summary;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.season !== undefined) set.season = patch.season;
      if (patch.number !== undefined) set.number = patch.number;
      if (patch.type !== undefined) set.type = patch.type;
      if (patch.explicit !== undefined) set.explicit = patch.explicit ? 1 : 0;
      if (patch.publishAt !== undefined) set.publish_at = patch.publishAt;
      if (patch.persons !== undefined || patch.soundbites !== undefined) {
        const extra = row.extra;
        if (patch.persons !== undefined) extra.persons = patch.persons;
        if (patch.soundbites !== undefined) extra.soundbites = patch.soundbites;
        set.extra = JSON.stringify(extra);
      }
      await updateEpisode(db, id, set);
      const updated = await requireRow(id);
      await deps.events.emit('episode.changed', { episode: updated, before: row });
      return view(updated);
    },

    /** Deletes the record first, then its files: a crash in between leaves only unreferenced blobs. */
    async remove(id: string): Promise<void> {
      const row = await requireRow(id);
      const files = await listMediaFilesOfEpisode(db, id);
      await deleteEpisode(db, id);
      for (const file of files) await deps.store.delete(file.key);
      for (const blob of await deps.store.list(`episodes/${id}/`)) await deps.store.delete(blob.key);
      await deleteMediaFilesOfEpisode(db, id);
      await deps.events.emit('episode.changed', { episode: row });
    },
  };
}

export type EpisodesService = ReturnType<typeof createEpisodesService>;
