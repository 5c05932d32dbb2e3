import type { Kysely } from 'kysely';
import type {
  Database,
  EpisodePathRow,
  EpisodeRow,
  MediaFileRow,
  ShowRow,
  SocialDraftRow,
  TranscriptsTable,
} from '../db/database.js';

/** The archive's own format name and version: a restore refuses anything else. */
export const archiveFormat = { format: 'zender-show-archive', version: 1 } as const;

export interface ShowArchiveJson {
  format: typeof archiveFormat.format;
  version: number;
  exportedAt: string;
  /** The show's record as stored (its id, slug and podcast:guid survive a restore). */
  show: ShowRow;
  /** Stored files that belong to the show itself (artwork renditions). */
  files: MediaFileRow[];
  /** Every media path an episode was ever public under: they stay retired after a restore. */
  paths: EpisodePathRow[];
}

export interface EpisodeArchiveJson {
  episode: EpisodeRow;
  transcripts: TranscriptsTable[];
  files: MediaFileRow[];
}

/** Everything a show holds in the database, read once before the archive streams. */
export interface ShowSnapshot {
  show: ShowRow;
  showFiles: MediaFileRow[];
  paths: EpisodePathRow[];
  episodes: EpisodeArchiveJson[];
  drafts: SocialDraftRow[];
  webhooks: { id: string; url: string; events: string[]; channels: string[] | null; createdAt: string }[];
  feedXml: string | null;
}

export async function readShowSnapshot(db: Kysely<Database>, show: ShowRow): Promise<ShowSnapshot> {
  const episodes = await db
    .selectFrom('episodes')
    .selectAll()
    .where('show_id', '=', show.id)
    .orderBy('created_at')
    .execute();
  const ids = episodes.map((e) => e.id);
  const none = ['-'];
  const [files, transcripts, drafts, webhooks, feed, paths] = await Promise.all([
    db
      .selectFrom('media_files')
      .selectAll()
      .where((eb) => eb.or([eb('show_id', '=', show.id), eb('episode_id', 'in', ids.length ? ids : none)]))
      .orderBy('key')
      .execute(),
    db
      .selectFrom('transcripts')
      .selectAll()
      .where('episode_id', 'in', ids.length ? ids : none)
      .execute(),
    db
      .selectFrom('social_drafts')
      .selectAll()
      .where('episode_id', 'in', ids.length ? ids : none)
      .execute(),
    db.selectFrom('webhooks').selectAll().where('show_id', '=', show.id).execute(),
    db.selectFrom('feed_documents').select('xml').where('show_id', '=', show.id).executeTakeFirst(),
    db.selectFrom('episode_paths').selectAll().where('show_id', '=', show.id).execute(),
  ]);
  return {
    show,
    showFiles: files.filter((f) => f.show_id === show.id && !f.episode_id),
    paths,
    episodes: episodes.map((episode) => ({
      episode,
      transcripts: transcripts.filter((t) => t.episode_id === episode.id),
      files: files.filter((f) => f.episode_id === episode.id),
    })),
    drafts,
    // Never the secret: a restored subscription needs a new one (and a receiver that accepts it).
    webhooks: webhooks.map((w) => ({
      id: w.id,
      url: w.url,
      events: JSON.parse(w.events) as string[],
      channels: w.channels ? (JSON.parse(w.channels) as string[]) : null,
      createdAt: w.created_at,
    })),
    feedXml: feed?.xml ?? null,
  };
}
