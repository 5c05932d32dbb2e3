import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/common/logger.js';
import { createContainer } from '../src/container.js';
import { createDb } from '../src/db/create-db.js';
import { createFsStore } from '../src/storage/fs-store.js';
import { createTusDatastore } from '../src/uploads/create-tus-datastore.js';

const run = promisify(execFile);

describe('npm run seed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-seed-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Vitest puts Vite's BASE_URL ('/') in process.env: not a zender setting.
  const { BASE_URL: _vite, PORT: _port, DATABASE_URL: _db, STORAGE: _storage, ...inherited } = process.env;
  const settings = {
    DATA_DIR: path.join(dir, 'data'),
    MEDIA_DIR: path.join(dir, 'media'),
    FEEDS_DIR: path.join(dir, 'feeds'),
  };
  const seed = () => run('npx', ['tsx', 'scripts/seed.ts'], { env: { ...inherited, ...settings } });

  it('is idempotent, and the feed carries the running server’s BASE_URL, not the seed’s defaults', async () => {
    // The operator seeds without the server's settings (so with localhost:3000), twice.
    const first = await seed();
    const second = await seed();

    // Then the server runs with its own BASE_URL on the same data (npm start, in-process here).
    const db = createDb({ kind: 'sqlite', file: path.join(settings.DATA_DIR, 'zender.sqlite') });
    const baseUrl = 'https://podcast.example.test:8443';
    const server = createContainer({
      db,
      store: createFsStore({ root: settings.MEDIA_DIR }),
      tusDatastore: await createTusDatastore({
        driver: 'fs',
        dir: path.join(dir, 'uploads'),
        expiryHours: 1,
      }),
      logger: createLogger({ level: 'silent' }),
      clock: { now: () => new Date() },
      baseUrl,
      feedsDir: settings.FEEDS_DIR,
      limits: { maxUploadBytes: 50 * 1024 * 1024, maxDurationSeconds: 3600 },
      loudnessTargetLufs: -16,
      media: {},
    });
    try {
      await server.worker.drain();
      const shows = await db.kysely.selectFrom('shows').select('slug').execute();
      expect(shows).toHaveLength(1);
      const episodes = await db.kysely.selectFrom('episodes').select(['status']).execute();
      expect(episodes).toEqual([{ status: 'published' }]);
      const feed = await (await server.app.request(`${baseUrl}/feeds/${shows[0].slug}.xml`)).text();
      const enclosures = [...feed.matchAll(/<enclosure url="([^"]+)"/g)].map((m) => m[1]);
      expect(enclosures).toHaveLength(1);
      expect(enclosures[0].startsWith(`${baseUrl}/media/`)).toBe(true);
      expect(feed).not.toContain('localhost:3000');
      expect(first.stdout).toContain('demo created');
      expect(second.stdout).toContain('demo already there');
    } finally {
      await server.worker.stop();
      await db.kysely.destroy();
    }
  }, 240_000);
});
