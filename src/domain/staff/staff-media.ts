import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findEpisodeById } from '../../db/repositories/episodes-repository.js';
import { findEpisodeByJobId } from '../../db/repositories/staff-overview-repository.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { StoredAudio } from '../episode.js';

/**
 * The processed audio and its waveform for staff, whatever the episode's status (the public
 * media routes serve published episodes only).
 */
export function createStaffMedia(deps: { db: Kysely<Database>; store: BlobStore }) {
  const { db, store } = deps;
  return {
    /** The episode an upload's processing job belongs to, for the audit trail. */
    async episodeOfJob(jobId: string): Promise<{ id: string; showId: string; title: string } | null> {
      const row = await findEpisodeByJobId(db, jobId);
      return row ? { id: row.id, showId: row.show_id, title: row.title } : null;
    },

    async audio(episodeId: string): Promise<StoredAudio | null> {
      const row = await findEpisodeById(db, episodeId);
      return row?.audio ?? null;
    },

    /** The peaks as pairs of min and max (−128…127), in at most `bars` bars; null without peaks. */
    async waveform(episodeId: string, bars = 240): Promise<number[] | null> {
      const row = await findEpisodeById(db, episodeId);
      const key = row?.extra.peaksKey;
      if (!key) return null;
      const { body } = await store.get(key);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown };
      const data = Array.isArray(parsed.data)
        ? parsed.data.filter((v): v is number => typeof v === 'number')
        : [];
      const pairs = Math.floor(data.length / 2);
      if (pairs === 0) return null;
      const per = Math.max(1, Math.ceil(pairs / bars));
      const heights: number[] = [];
      for (let start = 0; start < pairs; start += per) {
        let peak = 0;
        for (let i = start; i < Math.min(pairs, start + per); i++)
          peak = Math.max(peak, Math.abs(data[2 * i]), Math.abs(data[2 * i + 1]));
        heights.push(Math.min(1, peak / 127));
      }
      // Scaled so the loudest bar fills the height: loudness-normalised speech peaks well below full scale.
      const loudest = Math.max(...heights);
      return loudest > 0 ? heights.map((h) => h / loudest) : heights;
    },
  };
}

export type StaffMedia = ReturnType<typeof createStaffMedia>;
