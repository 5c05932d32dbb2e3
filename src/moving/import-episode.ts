import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { slugify } from '../common/slugify.js';
import type { Database, EpisodeRow } from '../db/database.js';
import { claimEpisodePath, findEpisodePath } from '../db/repositories/episode-paths-repository.js';
import { findEpisodeBySlug, insertEpisode, updateEpisode } from '../db/repositories/episodes-repository.js';
import { findEpisodeByGuid } from '../db/repositories/imports-repository.js';
import { deleteMediaFile, upsertMediaFile } from '../db/repositories/media-files-repository.js';
import type { EpisodeExtra } from '../domain/episode.js';
import type { GuardedFetch } from '../net/guarded-fetch.js';
import type { BlobStore } from '../storage/blob-store.js';
import { BlobTooLargeError } from '../storage/storage-errors.js';
import { byteCap, openDownload } from './capped-fetch.js';
import { ImportRefusal, megabytes } from './import-refusal.js';
import type { KeptAudioReport } from './kept-audio.js';
import type { FeedEpisode } from './read-feed.js';

/** Where an imported episode came from, kept in its extra JSON so a re-run knows what changed. */
export interface ImportedFrom {
  enclosureUrl: string;
  /** processAudio: publish with the feed's date once processing made it ready. */
  publishWhenProcessed?: string;
}

export interface EpisodeImportDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  fetch: GuardedFetch;
  maxUploadBytes: number;
  downloadTimeoutMs: number;
  analyse(key: string, workName: string): Promise<KeptAudioReport>;
  /** Stored original handed to normal processing (the ingest's acceptStored). */
  process(episodeId: string, key: string): Promise<unknown>;
}

const extensionByType: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'video/mp4': 'mp4',
};

/** A safe extension: the server's type first (feeds often lie), then the URL's, else `bin`. */
function extensionFor(type: string | null, url: string): string {
  const byType = extensionByType[(type ?? '').split(';')[0].trim().toLowerCase()];
  if (byType) return byType;
  const match = /\.([a-z0-9]{2,4})$/i.exec(new URL(url).pathname);
  return match ? match[1].toLowerCase() : 'bin';
}

/** A slug no episode holds and no episode ever served from (see domain/episode-paths.ts). */
async function freeSlug(db: Kysely<Database>, showId: string, wanted: string): Promise<string> {
  const base = wanted || 'aflevering';
  let candidate = base;
  const taken = async (slug: string) =>
    Boolean((await findEpisodeBySlug(db, showId, slug)) ?? (await findEpisodePath(db, showId, slug)));
  for (let n = 2; await taken(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * One item of the feed: its record keyed on the original guid (created or updated, never twice),
 * its enclosure streamed into storage when new or moved, then kept byte for byte (MP3) or
 * handed to normal processing. A refusal leaves nothing of a new episode behind.
 */
export async function importEpisode(
  deps: EpisodeImportDeps,
  show: { id: string; slug: string },
  item: FeedEpisode,
  options: { processAudio: boolean; importId: string },
): Promise<EpisodeRow> {
  const { db, store, clock } = deps;
  const now = clock.now().toISOString();
  const fields = {
    title: item.title.slice(0, 500),
    description: item.description,
    season: item.season,
    number: item.number,
    type: item.type,
    explicit: item.explicit ? 1 : 0,
  };
  const existing = await findEpisodeByGuid(db, show.id, item.guid);
  const previousFrom = existing
    ? (JSON.parse(existing.extra) as { importedFrom?: ImportedFrom }).importedFrom
    : undefined;
  if (existing) {
    await updateEpisode(db, existing.id, { ...fields, updated_at: now });
    const unchanged = existing.audio && previousFrom?.enclosureUrl === item.enclosure?.url;
    if (unchanged || !item.enclosure) return (await findEpisodeByGuid(db, show.id, item.guid))!;
  }
  if (!item.enclosure) throw new ImportRefusal('enclosure_missing');

  const id = existing?.id ?? newId();
  const download = await openDownload(deps.fetch, item.enclosure.url, { timeoutMs: deps.downloadTimeoutMs });
  if (download.length !== null && download.length > deps.maxUploadBytes) {
    download.abort();
    download.body.destroy();
    throw new ImportRefusal('enclosure_too_large', megabytes(deps.maxUploadBytes));
  }
  const type = download.type?.split(';')[0].trim().toLowerCase() ?? null;
  if (type && /^(text|application\/(xhtml|json|xml))/.test(type)) {
    download.abort();
    download.body.destroy();
    throw new ImportRefusal('not_audio', type);
  }
  const key = `episodes/${id}/originals/${newId()}.${extensionFor(type, item.enclosure.url)}`;
  const tooLarge = () => new ImportRefusal('enclosure_too_large', megabytes(deps.maxUploadBytes));
  let stored: Awaited<ReturnType<BlobStore['put']>>;
  try {
    const capped = download.body.pipe(byteCap(deps.maxUploadBytes, tooLarge));
    download.body.once('error', (error) => capped.destroy(error));
    stored = await store.put(key, Readable.from(capped), {
      contentType: type ?? 'application/octet-stream',
      maxBytes: deps.maxUploadBytes,
    });
  } catch (error) {
    await store.delete(key).catch(() => {});
    if (error instanceof ImportRefusal) throw error;
    if (error instanceof BlobTooLargeError) throw tooLarge();
    throw new ImportRefusal('enclosure_unreachable', (error as Error).message);
  }

  const removeStored = async () => {
    await store.delete(key).catch(() => {});
    await deleteMediaFile(db, key).catch(() => {});
  };
  try {
    await upsertMediaFile(db, {
      id: newId(),
      episode_id: null,
      show_id: null,
      role: 'original',
      key,
      size: stored.size,
      sha256: stored.sha256,
      mime_type: type ?? 'application/octet-stream',
      duration_seconds: null,
      created_at: now,
    });
    const report = await deps.analyse(key, `${options.importId}-${id}`);
    const keep = report.mp3 && !options.processAudio;
    const importedFrom: ImportedFrom = {
      enclosureUrl: item.enclosure.url,
      ...(keep ? {} : { publishWhenProcessed: item.pubDate ?? now }),
    };
    const extra: EpisodeExtra & { importedFrom: ImportedFrom } = {
      ...(existing ? (JSON.parse(existing.extra) as EpisodeExtra) : { persons: [], soundbites: [] }),
      importedFrom,
    };
    let peaksFile: { key: string; size: number; sha256: string } | undefined;
    if (keep) {
      const peaks = await store.put(
        `episodes/${id}/${options.importId}/peaks.json`,
        Readable.from([Buffer.from(JSON.stringify(report.peaks))]),
        { contentType: 'application/json' },
      );
      peaksFile = peaks;
      extra.peaksKey = peaks.key;
      extra.original = { key, type: type ?? 'audio/mpeg', size: stored.size, sha256: stored.sha256 };
    }
    const slug = existing?.slug ?? (await freeSlug(db, show.id, slugify(item.title)));
    const kept = keep
      ? {
          status: 'published' as const,
          duration_seconds: report.durationSeconds,
          audio: JSON.stringify({ key, type: 'audio/mpeg', size: stored.size, sha256: stored.sha256 }),
          quality: JSON.stringify(report.quality),
          published_at: existing?.published_at ?? item.pubDate ?? now,
          publish_at: existing?.publish_at ?? item.pubDate ?? now,
          enclosure_path: existing?.enclosure_path ?? `${show.slug}/${slug}.mp3`,
        }
      : {};
    await db.transaction().execute(async (trx) => {
      if (existing) {
        await updateEpisode(trx, id, { ...kept, extra: JSON.stringify(extra), updated_at: now });
      } else {
        await insertEpisode(trx, {
          id,
          show_id: show.id,
          slug,
          ...fields,
          summary: null,
          status: 'draft',
          failure_reason: null,
          publish_at: null,
          published_at: null,
          guid: item.guid,
          duration_seconds: item.durationSeconds,
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
          ...kept,
        });
      }
      await trx.updateTable('media_files').set({ episode_id: id }).where('key', '=', key).execute();
      // Published: its media path is its own for good, as publishing records it.
      if (keep) await claimEpisodePath(trx, { show_id: show.id, slug, episode_id: id, created_at: now });
      if (peaksFile) {
        await upsertMediaFile(trx, {
          id: newId(),
          episode_id: id,
          show_id: null,
          role: 'peaks',
          key: peaksFile.key,
          size: peaksFile.size,
          sha256: peaksFile.sha256,
          mime_type: 'application/json',
          duration_seconds: null,
          created_at: now,
        });
      }
    });
    if (existing && keep) await removeReplaced(deps, existing, new Set([key, peaksFile?.key ?? '']));
    if (!keep) await deps.process(id, key);
    return (await findEpisodeByGuid(db, show.id, item.guid))!;
  } catch (error) {
    await removeStored();
    throw error;
  }
}

/** The files a re-imported episode had before its enclosure moved: they belong to nobody now. */
async function removeReplaced(deps: EpisodeImportDeps, previous: EpisodeRow, keep: Set<string>) {
  const extra = JSON.parse(previous.extra) as EpisodeExtra;
  const keys = [
    previous.audio ? (JSON.parse(previous.audio) as { key: string }).key : '',
    extra.peaksKey,
    extra.original?.key,
  ];
  for (const key of keys) {
    if (!key || keep.has(key)) continue;
    await deps.store.delete(key).catch(() => {});
    await deleteMediaFile(deps.db, key).catch(() => {});
  }
}
