import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database } from '../db/database.js';
import {
  findEpisodeById,
  listPublishedEpisodes,
  updateEpisode,
} from '../db/repositories/episodes-repository.js';
import { findMediaFile } from '../db/repositories/media-files-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { DomainEventEmitter } from './domain-events.js';
import type { StoredAudio } from './episode.js';
import { createEpisodePaths } from './episode-paths.js';
import { ConflictError, NotFoundError, UnprocessableError } from './errors.js';
import { checkFeed, type FeedProblem } from './feed-check.js';

export interface PublishingDeps {
  db: Kysely<Database>;
  queue: JobQueue;
  clock: Clock;
  /** Emits `episode.published-or-scheduled` (social drafts, webhook events listen). */
  events: DomainEventEmitter;
}

/**
 * Publishing: checks the rules, flips the status, freezes the enclosure path (so a published
 * episode's URL and guid never change), and queues the feed rebuild. A future publishAt makes
 * the episode `scheduled`; a job flips it on time.
 */
export function createPublishingService(deps: PublishingDeps) {
  const { db, queue, clock } = deps;
  const paths = createEpisodePaths({ db, clock });

  async function sizes(episodeAudio: StoredAudio | null): Promise<number | null> {
    if (!episodeAudio) return null;
    const file = await findMediaFile(db, episodeAudio.key);
    return file ? file.size : null;
  }

  async function check(showId: string, extraEpisodeId?: string): Promise<FeedProblem[]> {
    const show = await findShowById(db, showId);
    if (!show) throw new NotFoundError('show', showId);
    const episodes = await listPublishedEpisodes(db, showId);
    if (extraEpisodeId && !episodes.some((e) => e.id === extraEpisodeId)) {
      const extra = await findEpisodeById(db, extraEpisodeId);
      if (extra) episodes.unshift(extra);
    }
    const actual = new Map<string, number | null>();
    for (const episode of episodes) actual.set(episode.id, await sizes(episode.audio));
    return checkFeed(show, episodes, (episode) => actual.get(episode.id) ?? null);
  }

  async function rebuildFeed(showId: string) {
    await queue.enqueue('rebuild-feed', { showId }, { dedupeKey: `feed:${showId}` });
  }

  return {
    check,
    rebuildFeed,

    async publish(
      episodeId: string,
      publishAt?: string,
    ): Promise<{ status: 'published' | 'scheduled'; warnings: FeedProblem[] }> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      if (!['ready', 'scheduled', 'published'].includes(episode.status)) {
        throw new ConflictError('conflict', {
          reason: `the episode is ${episode.status}; it must be ready (processed) first`,
        });
      }
      const problems = (await check(episode.show_id, episodeId)).filter(
        (p) => !p.episodeId || p.episodeId === episodeId,
      );
      const errors = problems.filter((p) => p.level === 'error');
      if (errors.length > 0) {
        throw new UnprocessableError(
          'feed_rules',
          { count: errors.length },
          errors.map((p) => ({ field: p.episodeId ? 'episode' : 'show', code: p.code, message: p.message })),
        );
      }
      // Its slug becomes a public path for good; refused when another episode's audio was there.
      await paths.claim(episode);
      const show = await findShowById(db, episode.show_id);
      const now = clock.now();
      const when = publishAt ? new Date(publishAt) : now;
      const scheduled = when.getTime() > now.getTime();
      await db.transaction().execute(async (trx) => {
        await updateEpisode(trx, episodeId, {
          status: scheduled ? 'scheduled' : 'published',
          // Publishing a live episode again changes nothing: its publication keeps its moment.
          publish_at: episode.status === 'published' && !scheduled ? episode.publish_at : when.toISOString(),
          published_at: scheduled ? null : (episode.published_at ?? now.toISOString()),
          // Frozen the first time; later slug changes do not move the enclosure.
          enclosure_path: episode.enclosure_path ?? `${show!.slug}/${episode.slug}.mp3`,
          updated_at: now.toISOString(),
        });
        if (scheduled) {
          await queue.enqueue(
            'publish-scheduled',
            { episodeId },
            { runAt: when, within: trx, dedupeKey: `publish:${episodeId}:${when.toISOString()}` },
          );
        }
      });
      if (!scheduled) await rebuildFeed(episode.show_id);
      await deps.events.emit('episode.published-or-scheduled', { episodeId });
      return {
        status: scheduled ? 'scheduled' : 'published',
        warnings: problems.filter((p) => p.level === 'warning'),
      };
    },

    /** The scheduled job: publishes only if the episode is still scheduled for (about) now. */
    async publishDue(episodeId: string): Promise<void> {
      const episode = await findEpisodeById(db, episodeId);
      if (episode?.status !== 'scheduled') return;
      const now = clock.now();
      if (episode.publish_at && new Date(episode.publish_at).getTime() > now.getTime() + 1000) return; // rescheduled later
      await paths.claim(episode);
      await updateEpisode(db, episodeId, {
        status: 'published',
        published_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await rebuildFeed(episode.show_id);
      await deps.events.emit('episode.published-or-scheduled', { episodeId });
    },

    async unpublish(episodeId: string): Promise<void> {
      const episode = await findEpisodeById(db, episodeId);
      if (!episode) throw new NotFoundError('episode', episodeId);
      if (episode.status !== 'published' && episode.status !== 'scheduled') {
        throw new ConflictError('conflict', { reason: 'the episode is not published or scheduled' });
      }
      await updateEpisode(db, episodeId, { status: 'ready', updated_at: clock.now().toISOString() });
      await rebuildFeed(episode.show_id);
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
