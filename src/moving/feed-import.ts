import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { slugify } from '../common/slugify.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Database, ImportRow } from '../db/database.js';
import {
  findImportById,
  findShowIdImportedFrom,
  updateImport,
} from '../db/repositories/imports-repository.js';
import { findShowById, findShowBySlug, updateShow } from '../db/repositories/shows-repository.js';
import { isAppleCategory } from '../domain/apple-categories.js';
import type { ArtworkService } from '../domain/artwork-service.js';
import { licenseColumns } from '../domain/show-feed-tags.js';
import type { ShowsService } from '../domain/shows-service.js';
import type { TranscriptsService } from '../domain/transcripts-service.js';
import type { GuardedFetch } from '../net/guarded-fetch.js';
import { fetchArtwork, fetchAttachmentText, transcriptContentType } from './attachments.js';
import { fetchFeedText } from './capped-fetch.js';
import { importChapters } from './import-chapters.js';
import { type EpisodeImportDeps, importEpisode } from './import-episode.js';
import { ImportRefusal } from './import-refusal.js';
import { type FeedChannel, type FeedEpisode, readFeed } from './read-feed.js';

export interface ImportProblem {
  guid: string | null;
  title: string | null;
  code: string;
  message: { nl: string; en: string };
}

export interface FeedImportDeps extends EpisodeImportDeps {
  db: Kysely<Database>;
  clock: Clock;
  fetch: GuardedFetch;
  shows: Pick<ShowsService, 'create'>;
  artwork: Pick<ArtworkService, 'setShowArtwork' | 'setEpisodeArtwork'>;
  transcripts: Pick<TranscriptsService, 'upload'>;
  rebuildFeed(showId: string): Promise<unknown>;
  feedLimits: { maxBytes: number; timeoutMs: number };
}

function problemOf(error: unknown, item: FeedEpisode | null): ImportProblem {
  const refusal =
    error instanceof ImportRefusal
      ? error
      : new ImportRefusal('enclosure_unreachable', (error as Error)?.message ?? String(error));
  return {
    guid: item?.guid ?? null,
    title: item?.title ?? null,
    code: refusal.code,
    message: refusal.sentences,
  };
}

/** Apple's categories as zender writes them (`Parent/Child`); partytime reads `Parent > Child`. */
function categoriesOf(channel: FeedChannel): string[] {
  return [...new Set(channel.categories.map((c) => c.replace(/\s*>\s*/, '/')))].filter(isAppleCategory);
}

/**
 * The old feed's channel tags over the show's extra settings: what the feed does not say is
 * removed, as the other channel fields follow the feed on every import.
 */
function extraWithTags(extra: ShowRecord['extra'], channel: FeedChannel): string {
  const { block, complete, location, podroll } = channel.tags;
  return JSON.stringify({
    ...extra,
    block: block || undefined,
    complete: complete || undefined,
    location: location ?? undefined,
    podroll: podroll.length > 0 ? podroll : undefined,
  });
}

/**
 * The import job: reads the feed (guarded, capped), makes or updates the show, then each episode
 * on its own: one that fails is listed in `problems` and the rest go on. Feed-level refusals
 * (address, size, time, DOCTYPE, not RSS, slug taken) fail the import before anything is written.
 */
export function createFeedImport(deps: FeedImportDeps) {
  const { db, clock } = deps;

  async function showFor(row: ImportRow, channel: FeedChannel): Promise<ShowRecord> {
    const known = row.show_id ?? (await findShowIdImportedFrom(db, row.feed_url));
    const now = clock.now().toISOString();
    const fields = {
      title: channel.title.slice(0, 255),
      description: channel.description,
      language: channel.language,
      author: channel.author,
      owner_name: channel.owner.name,
      owner_email: channel.owner.email,
      categories: JSON.stringify(categoriesOf(channel)),
      explicit: channel.explicit ? 1 : 0,
      type: channel.type,
      link: channel.link,
      copyright: channel.copyright,
      locked: channel.locked ? 1 : 0,
      funding: JSON.stringify(channel.funding),
      persons: JSON.stringify(channel.persons),
      ...licenseColumns(channel.tags.license),
    };
    const existing = known ? await findShowById(db, known) : undefined;
    if (existing) {
      await updateShow(db, existing.id, {
        ...fields,
        extra: extraWithTags(existing.extra, channel),
        updated_at: now,
      });
      return (await findShowById(db, existing.id))!;
    }
    const slug = slugify(channel.title) || 'podcast';
    if (await findShowBySlug(db, slug)) throw new ImportRefusal('slug_taken', slug);
    const created = await deps.shows.create({
      slug,
      title: fields.title,
      description: channel.description,
      author: channel.author,
      owner: { name: channel.owner.name, email: channel.owner.email },
    });
    // The podcast:guid stays with the show wherever it moves (namespace rule).
    const fresh = (await findShowById(db, created.id))!;
    await updateShow(db, created.id, {
      ...fields,
      extra: extraWithTags(fresh.extra, channel),
      ...(channel.guid ? { guid: channel.guid } : {}),
      updated_at: now,
    });
    return (await findShowById(db, created.id))!;
  }

  async function attachments(
    episodeId: string,
    item: FeedEpisode,
    fresh: boolean,
    problems: ImportProblem[],
  ) {
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        const message = error instanceof ImportRefusal ? error.detail : (error as Error).message;
        problems.push(problemOf(new ImportRefusal('attachment_failed', message), item));
      }
    };
    if (!fresh) return;
    if (item.imageUrl) {
      const url = item.imageUrl;
      await attempt(async () => {
        const image = await fetchArtwork(deps.fetch, url);
        await deps.artwork.setEpisodeArtwork(episodeId, image.contentType, image.data);
      });
    }
    if (item.chaptersUrl) {
      const url = item.chaptersUrl;
      await attempt(async () => importChapters(deps, episodeId, await fetchAttachmentText(deps.fetch, url)));
    }
    for (const transcript of item.transcripts) {
      const type = transcriptContentType(transcript.type);
      if (!type) continue;
      await attempt(async () =>
        deps.transcripts.upload(
          episodeId,
          transcript.language ?? 'nl',
          await fetchAttachmentText(deps.fetch, transcript.url),
          type,
        ),
      );
    }
  }

  return {
    async run(importId: string, context: { progress(step: string, percent: number): void }): Promise<void> {
      const row = await findImportById(db, importId);
      if (!row) return;
      const touch = (patch: Parameters<typeof updateImport>[2]) =>
        updateImport(db, importId, { ...patch, updated_at: clock.now().toISOString() });
      await touch({ status: 'running' });
      let channel: FeedChannel;
      let show: ShowRecord;
      try {
        context.progress('feed', 1);
        const xml = await fetchFeedText(deps.fetch, row.feed_url, deps.feedLimits);
        channel = readFeed(xml, row.feed_url);
        show = await showFor(row, channel);
      } catch (error) {
        if (!(error instanceof ImportRefusal)) throw error;
        await touch({ status: 'failed', problems: JSON.stringify([problemOf(error, null)]) });
        return;
      }
      const problems: ImportProblem[] = [];
      const total = channel.episodes.length;
      await touch({ show_id: show.id, total, done: 0, failed: 0, problems: '[]' });
      if (!show.artwork && channel.imageUrl) {
        try {
          const image = await fetchArtwork(deps.fetch, channel.imageUrl);
          await deps.artwork.setShowArtwork(show.id, image.contentType, image.data);
        } catch (error) {
          const detail = error instanceof ImportRefusal ? error.detail : (error as Error).message;
          problems.push(problemOf(new ImportRefusal('attachment_failed', detail), null));
        }
      }
      let done = 0;
      let failed = 0;
      for (const [index, item] of channel.episodes.entries()) {
        try {
          const before = await db
            .selectFrom('episodes')
            .select(['id', 'chapters', 'artwork'])
            .where('show_id', '=', show.id)
            .where('guid', '=', item.guid)
            .executeTakeFirst();
          const episode = await importEpisode(deps, show, item, {
            processAudio: row.process_audio === 1,
            importId,
          });
          await attachments(episode.id, item, !before, problems);
          done++;
        } catch (error) {
          failed++;
          problems.push(problemOf(error, item));
        }
        await touch({ done, failed, problems: JSON.stringify(problems) });
        context.progress('episodes', 5 + Math.round(((index + 1) / Math.max(total, 1)) * 90));
      }
      await deps.rebuildFeed(show.id);
      await touch({ status: 'done', done, failed, problems: JSON.stringify(problems) });
    },
  };
}
