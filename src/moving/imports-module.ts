import { tmpdir } from 'node:os';
import type { Kysely } from 'kysely';
import type { MediaTools } from '../audio/resolve-media-tools.js';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { ContainerOptions } from '../container-options.js';
import type { Database } from '../db/database.js';
import { claimEpisodePath } from '../db/repositories/episode-paths-repository.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import { findShowById, findShowBySlug } from '../db/repositories/shows-repository.js';
import type { ArtworkService } from '../domain/artwork-service.js';
import type { DomainEvents } from '../domain/domain-events.js';
import type { EpisodeIngest } from '../domain/episode-ingest.js';
import { feedRedirect, movedToOf } from '../domain/show.js';
import type { ShowsService } from '../domain/shows-service.js';
import type { TranscriptsService } from '../domain/transcripts-service.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { JobHandlers } from '../jobs/worker.js';
import { createGuardedFetch } from '../net/guarded-fetch.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createShowExport } from './export-show.js';
import { createFeedImport } from './feed-import.js';
import type { ImportedFrom } from './import-episode.js';
import { createImportsService } from './imports-service.js';
import { createShowRestore } from './restore-show.js';

export interface ImportsModuleDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  events: DomainEvents;
  tools: MediaTools;
  /** tempDir, limits, allowPrivateUrls and importFeedLimits are read from here. */
  options: Pick<ContainerOptions, 'tempDir' | 'limits' | 'allowPrivateUrls' | 'importFeedLimits'>;
  shows: ShowsService;
  ingest: EpisodeIngest;
  artwork: ArtworkService;
  transcripts: TranscriptsService;
  rebuildFeed(showId: string): Promise<unknown>;
}

/**
 * Moving a podcast in: the imports service, the `import-feed` job and the rule that publishes an
 * imported episode sent through normal processing once it is ready, with the feed's own date.
 * Every outbound request goes through the guarded fetch (ALLOW_PRIVATE_URLS).
 */
export function createImportsModule(deps: ImportsModuleDeps) {
  const { db, clock } = deps;
  const { maxUploadBytes, maxDurationSeconds } = deps.options.limits;
  const allowPrivateUrls = deps.options.allowPrivateUrls ?? false;
  const tempDir = deps.options.tempDir ?? tmpdir();
  const fetch = createGuardedFetch({ allowPrivate: allowPrivateUrls });
  const imports = createImportsService({
    db,
    clock,
    queue: deps.queue,
    allowPrivateUrls: allowPrivateUrls,
  });
  const feedImport = createFeedImport({
    db,
    store: deps.store,
    clock,
    fetch,
    maxUploadBytes,
    downloadTimeoutMs: 15 * 60_000,
    feedLimits: deps.options.importFeedLimits ?? { maxBytes: 20 * 1024 * 1024, timeoutMs: 60_000 },
    // The ffmpeg wrapper loads with the first import, as media jobs do.
    analyse: async (key, workName) => {
      const { analyseKeptAudio } = await import('./kept-audio.js');
      return analyseKeptAudio(
        {
          store: deps.store,
          tools: deps.tools,
          tempDir,
          maxDurationSeconds,
        },
        key,
        workName,
      );
    },
    process: (episodeId, key) => deps.ingest.acceptStored(episodeId, key),
    shows: deps.shows,
    artwork: deps.artwork,
    transcripts: deps.transcripts,
    rebuildFeed: deps.rebuildFeed,
  });

  deps.events.on('episode.processed', async ({ episodeId }) => {
    const episode = await findEpisodeById(db, episodeId);
    if (episode?.status !== 'ready') return;
    const extra = episode.extra as { importedFrom?: ImportedFrom };
    const when = extra.importedFrom?.publishWhenProcessed;
    if (!when) return;
    const show = await findShowById(db, episode.show_id);
    if (!show) return;
    const { publishWhenProcessed: _done, ...importedFrom } = extra.importedFrom!;
    await claimEpisodePath(db, {
      show_id: show.id,
      slug: episode.slug,
      episode_id: episode.id,
      created_at: clock.now().toISOString(),
    });
    await updateEpisode(db, episodeId, {
      status: 'published',
      publish_at: when,
      published_at: when,
      enclosure_path: episode.enclosure_path ?? `${show.slug}/${episode.slug}.mp3`,
      extra: JSON.stringify({ ...extra, importedFrom }),
      updated_at: clock.now().toISOString(),
    });
    await deps.rebuildFeed(show.id);
  });

  // A show moving away: its feed is rebuilt (withdrawn) the moment the grace period ends.
  deps.events.on('show.changed', async ({ showId }) => {
    const show = await findShowById(db, showId);
    const moved = show ? movedToOf(show.extra) : null;
    if (!moved || new Date(moved.redirectAfter).getTime() <= clock.now().getTime()) return;
    await deps.queue.enqueue(
      'rebuild-feed',
      { showId },
      { runAt: new Date(moved.redirectAfter), dedupeKey: `feed-move:${showId}:${moved.redirectAfter}` },
    );
  });

  /** GET /feeds/{slug}.xml of a show that moved away: where to, once the grace period is over. */
  async function movedFeedFor(slug: string): Promise<string | null> {
    const show = await findShowBySlug(db, slug);
    return show ? feedRedirect(show.extra, clock.now()) : null;
  }

  const handlers: Pick<JobHandlers, 'import-feed'> = {
    'import-feed': async ({ importId }, context) => feedImport.run(importId, context),
  };
  const exporter = createShowExport({ db, store: deps.store, clock, logger: deps.logger, tempDir });
  const restore = createShowRestore({ db, store: deps.store, maxUploadBytes, tempDir });
  const restorer: typeof restore = {
    // The restored show's feed is built here, with this zender's base URL.
    async restore(body) {
      const restored = await restore.restore(body);
      await deps.rebuildFeed(restored.showId);
      return restored;
    },
  };
  return { imports, exporter, restorer, handlers, movedFeedFor };
}
