import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import { parseChapters, toChaptersJson, validateChapters } from '../timed-text/index.js';
import { ImportRefusal } from './import-refusal.js';

/**
 * The chapters a feed links, checked as staff uploads are, stored without the `chapters.changed`
 * event: that event writes them into the delivery MP3, and an imported MP3 is kept byte for byte
 * (the feed links the chapters JSON; processing embeds them when processAudio asks for it).
 */
export async function importChapters(
  deps: { db: Kysely<Database>; clock: Clock },
  episodeId: string,
  body: string,
): Promise<void> {
  const episode = await findEpisodeById(deps.db, episodeId);
  if (!episode) return;
  let parsed: ReturnType<typeof parseChapters>;
  try {
    parsed = parseChapters(body, 'application/json');
  } catch (error) {
    throw new ImportRefusal('attachment_failed', `chapters: ${(error as Error).message}`);
  }
  const errors = validateChapters(parsed.chapters, episode.duration_seconds ?? 0).filter(
    (p) => p.severity === 'error',
  );
  if (errors.length > 0) throw new ImportRefusal('attachment_failed', `chapters: ${errors[0].message}`);
  await updateEpisode(deps.db, episodeId, {
    chapters: JSON.stringify(toChaptersJson(parsed.chapters, { title: episode.title })),
    updated_at: deps.clock.now().toISOString(),
  });
}
