import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findEpisodeById, listEpisodeIdsWithAudio } from '../db/repositories/episodes-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobHandlers } from '../jobs/worker.js';
import type { SpeechSegment } from '../timed-text/index.js';
import { changesDeliveryTags } from './delivery-tags.js';
import type { DomainEvents } from './domain-events.js';
import { isInFeed } from './episode.js';

export interface EpisodeLifecycleDeps {
  db: Kysely<Database>;
  events: Pick<DomainEvents, 'on'>;
  queue: Pick<JobQueue, 'enqueue'>;
  feed: { rebuild(showId: string): Promise<void> };
  transcripts: {
    savePlaceholder(
      episodeId: string,
      language: string,
      speech: SpeechSegment[],
      duration: number,
    ): Promise<void>;
  };
  /** A transcriber command is configured: processed episodes get a `transcribe` job. */
  transcriberConfigured: boolean;
}

/**
 * What follows what in an episode's life, in one place. Services emit events; these rules act:
 *
 * - a show changed → its feed is rebuilt;
 * - an episode in the feed changed (fields, transcript, chapters, delivery file) → the feed is
 *   rebuilt; a change to an episode outside the feed leaves the feed alone;
 * - chapters changed → a `write-chapters` job puts them into the delivery MP3 (ID3 CHAP);
 * - the title or summary of an episode with delivery audio changed → the same job rewrites the
 *   MP3's ID3 tag, so the file apps download says what the feed says; a change of the show's
 *   title or author (album and artist) queues a `retag-show` job that does so for every episode
 *   of the show with audio;
 * - processed → a placeholder transcript from the speech the meter heard, then a `transcribe`
 *   job when a transcriber is configured.
 *
 * Publishing's own events (social drafts, webhooks) belong to the social feature.
 */
export function connectEpisodeLifecycle(deps: EpisodeLifecycleDeps): {
  handlers: Pick<JobHandlers, 'retag-show'>;
} {
  const { db, events, queue, feed } = deps;

  const rebuildIfInFeed = async (episodeId: string) => {
    const episode = await findEpisodeById(db, episodeId);
    if (episode && isInFeed(episode)) await feed.rebuild(episode.show_id);
  };

  // One queued job per episode at a time; it reads chapters and texts as they are when it runs.
  const rewriteDeliveryTags = (episodeId: string) =>
    queue.enqueue('write-chapters', { episodeId }, { dedupeKey: `chapters:${episodeId}` });

  events.on('show.changed', async ({ showId, deliveryTagsChanged }) => {
    await feed.rebuild(showId);
    // One job fans out to the episodes: the edit answers at once however large the show is, and a
    // fan-out cut short by a failure is retried whole (each episode's job is deduplicated).
    if (deliveryTagsChanged)
      await queue.enqueue('retag-show', { showId }, { dedupeKey: `retag-show:${showId}` });
  });
  events.on('episode.changed', async ({ episode, before }) => {
    if (isInFeed(episode)) await feed.rebuild(episode.show_id);
    if (before && changesDeliveryTags(before, episode)) await rewriteDeliveryTags(episode.id);
  });
  events.on('transcript.changed', ({ episodeId }) => rebuildIfInFeed(episodeId));
  events.on('episode.audio-changed', ({ episodeId }) => rebuildIfInFeed(episodeId));
  events.on('chapters.changed', async ({ episodeId }) => {
    await rebuildIfInFeed(episodeId);
    // The delivery MP3 carries the chapters too, rewritten without re-encoding.
    await rewriteDeliveryTags(episodeId);
  });
  events.on('episode.processed', async ({ episodeId, speech }) => {
    const episode = await findEpisodeById(db, episodeId);
    const show = episode && (await findShowById(db, episode.show_id));
    if (!episode || !show) return;
    await deps.transcripts.savePlaceholder(episodeId, show.language, speech, episode.duration_seconds ?? 0);
    if (deps.transcriberConfigured) {
      await queue.enqueue(
        'transcribe',
        { episodeId },
        { dedupeKey: `transcribe:${episodeId}`, maxAttempts: 2 },
      );
    }
  });

  return {
    handlers: {
      'retag-show': async ({ showId }) => {
        for (const episodeId of await listEpisodeIdsWithAudio(db, showId))
          await rewriteDeliveryTags(episodeId);
      },
    },
  };
}
