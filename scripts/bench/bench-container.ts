import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/common/logger.js';
import { createContainer } from '../../src/container.js';
import { createDb } from '../../src/db/create-db.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { updateEpisode } from '../../src/db/repositories/episodes-repository.js';
import { createFsStore } from '../../src/storage/fs-store.js';
import { createTusDatastore } from '../../src/uploads/create-tus-datastore.js';

/** A real zender on a temp SQLite file and temp media dir, quiet, for benchmarks. */
export async function benchContainer(options: { maxUploadBytes?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-bench-'));
  const db = createDb({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(db.kysely);
  const container = createContainer({
    db,
    store: createFsStore({ root: path.join(dir, 'media') }),
    tusDatastore: await createTusDatastore({ driver: 'fs', dir: path.join(dir, 'uploads'), expiryHours: 1 }),
    logger: createLogger({ level: 'silent' }),
    clock: { now: () => new Date() },
    baseUrl: 'http://127.0.0.1',
    feedsDir: path.join(dir, 'feeds'),
    limits: { maxUploadBytes: options.maxUploadBytes ?? 2 * 1024 ** 3, maxDurationSeconds: 6 * 3600 },
    loudnessTargetLufs: -16,
    media: {},
  });
  return {
    ...container,
    dir,
    db,
    /**
     * A show with `count` published episodes (rows only: feeds do not read audio bytes), each
     * with `description` when given.
     */
    async publishedShowWithEpisodes(slug: string, count: number, description?: string) {
      const show = await container.shows.create({
        slug,
        title: 'Bench',
        description: 'Benchmark show',
        author: 'Bench',
        owner: { email: 'bench@example.nl' },
        categories: ['Government'],
      });
      for (let i = 0; i < count; i++) {
        const episode = await container.episodes.create(show.id, {
          title: `Aflevering ${i}`,
          summary: 'Een gesprek over armoedebeleid.',
          description,
        });
        await updateEpisode(db.kysely, episode.id, {
          status: 'published',
          published_at: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
          duration_seconds: 1800,
          audio: JSON.stringify({
            key: `episodes/${episode.id}/a.mp3`,
            type: 'audio/mpeg',
            size: 28_800_000,
            sha256: '',
          }),
        });
      }
      await container.feedPublisher.rebuild(show.id);
      return show;
    },
    async close() {
      await container.worker.stop();
      await db.kysely.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
