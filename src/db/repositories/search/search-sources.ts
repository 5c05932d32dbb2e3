import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../database.js';

/** A published episode's searchable text, decoded from its row and its ready transcripts. */
export interface SearchSource {
  episodeId: string;
  showId: string;
  language: string;
  title: string;
  summary: string | null;
  description: string | null;
  chapters: { startTime: number; title: string }[];
  transcripts: { language: string; cues: { startSeconds: number; text: string; speaker?: string }[] }[];
  /** Changes whenever any of the above changes: the episode's and its transcripts' timestamps. */
  signature: string;
}

const chaptersCodec = z
  .object({
    chapters: z.array(
      z.object({ startTime: z.number(), title: z.string().optional(), toc: z.boolean().optional() }).loose(),
    ),
  })
  .loose();
const cuesCodec = z.array(
  z.object({ startSeconds: z.number(), text: z.string(), speaker: z.string().optional() }).loose(),
);

/**
 * Every published episode of a show with what search indexes. Only transcripts staff confirmed
 * ('ready') are public, so only those are searchable.
 */
export async function listSearchSources(db: Kysely<Database>, showId: string): Promise<SearchSource[]> {
  const episodes = await db
    .selectFrom('episodes')
    .innerJoin('shows', 'shows.id', 'episodes.show_id')
    .select([
      'episodes.id',
      'episodes.show_id',
      'episodes.title',
      'episodes.summary',
      'episodes.description',
      'episodes.chapters',
      'episodes.updated_at',
      'shows.language',
    ])
    .where('episodes.show_id', '=', showId)
    .where('episodes.status', '=', 'published')
    .execute();
  if (episodes.length === 0) return [];
  const transcripts = await db
    .selectFrom('transcripts')
    .innerJoin('episodes', 'episodes.id', 'transcripts.episode_id')
    .select(['transcripts.episode_id', 'transcripts.language', 'transcripts.cues', 'transcripts.updated_at'])
    .where('episodes.show_id', '=', showId)
    .where('episodes.status', '=', 'published')
    .where('transcripts.status', '=', 'ready')
    .orderBy('transcripts.language')
    .execute();
  const byEpisode = new Map<string, typeof transcripts>();
  for (const transcript of transcripts) {
    const list = byEpisode.get(transcript.episode_id) ?? [];
    list.push(transcript);
    byEpisode.set(transcript.episode_id, list);
  }
  return episodes.map((episode) => {
    const own = byEpisode.get(episode.id) ?? [];
    const chapters = episode.chapters ? chaptersCodec.parse(JSON.parse(episode.chapters)).chapters : [];
    return {
      episodeId: episode.id,
      showId: episode.show_id,
      language: episode.language,
      title: episode.title,
      summary: episode.summary,
      description: episode.description,
      chapters: chapters
        .filter((c) => c.toc !== false && c.title)
        .map((c) => ({ startTime: c.startTime, title: c.title ?? '' })),
      transcripts: own.map((t) => ({ language: t.language, cues: cuesCodec.parse(JSON.parse(t.cues)) })),
      signature: [episode.updated_at, ...own.map((t) => `${t.language}@${t.updated_at}`)].join('|'),
    };
  });
}
