import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/common/ids.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { upsertMediaFile } from '../src/db/repositories/media-files-repository.js';
import { checkStorage } from '../src/domain/storage-check.js';
import type { BlobStore } from '../src/storage/blob-store.js';
import { createFsStore } from '../src/storage/fs-store.js';
import { createS3Store } from '../src/storage/s3-store.js';
import { makeAudio } from './helpers/make-audio.js';
import { type S3rverHandle, startS3rver } from './helpers/s3rver-server.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { type TestDatabase, testDatabases } from './helpers/test-databases.js';

const run = promisify(execFile);
const square = (color: string) =>
  sharp({ create: { width: 1400, height: 1400, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

async function record(
  db: TestApp['db']['kysely'],
  key: string,
  size: number,
  role = 'original',
  episodeId: string | null = null,
) {
  await upsertMediaFile(db, {
    id: newId(),
    episode_id: episodeId,
    show_id: null,
    role,
    key,
    size,
    sha256: '0'.repeat(64),
    mime_type: 'application/octet-stream',
    duration_seconds: null,
    created_at: new Date(Date.now() - 2 * 3600_000).toISOString(),
  });
}

const setups: { name: string; database: TestDatabase; s3: boolean }[] = [
  ...testDatabases().map((database) => ({ name: `fs and ${database.name}`, database, s3: false })),
  { name: 's3rver and sqlite', database: testDatabases()[0], s3: true },
];

describe.each(setups)('media consistency (fsck) on $name', ({ database, s3 }) => {
  let t: TestApp;
  let s3rver: S3rverHandle | undefined;
  beforeAll(async () => {
    let store: BlobStore | undefined;
    if (s3) {
      s3rver = await startS3rver();
      store = createS3Store({ ...s3rver, forcePathStyle: true });
    }
    t = await openTestApp(database, { store });
  });
  afterAll(async () => {
    await t.close();
    await s3rver?.close();
  });

  it('replacing artwork and two back-to-back uploads leave nothing behind', async () => {
    const show = await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json();
    for (const color of ['#112233', '#445566']) {
      const res = await t.call('PUT', `/api/v1/shows/${show.id}/artwork`, {
        body: new Uint8Array(await square(color)),
        headers: { 'content-type': 'image/jpeg' },
      });
      expect(res.status).toBe(200);
    }
    const episode = await (
      await t.call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'Twee keer' } })
    ).json();
    for (const seconds of [3, 4]) {
      const res = await t.call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
        body: new Uint8Array(readFileSync(makeAudio(`twice-${seconds}.wav`, { seconds }))),
        headers: { 'content-type': 'audio/wav' },
      });
      expect(res.status).toBe(202);
    }
    await t.worker.drain();
    for (const color of ['#778899', '#aabbcc']) {
      await t.call('PUT', `/api/v1/episodes/${episode.id}/artwork`, {
        body: new Uint8Array(await square(color)),
        headers: { 'content-type': 'image/jpeg' },
      });
    }
    const ready = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(ready.status).toBe('ready');
    expect(ready.duration).toBeGreaterThan(3.5); // the second upload won
    const originals = (await t.store.list(`episodes/${episode.id}/originals/`)).map((b) => b.key);
    expect(originals).toHaveLength(1);
    expect(await checkStorage({ db: t.db.kysely, store: t.store }, { graceMs: 0 })).toEqual([]);
  });

  it('finds each kind of inconsistency and repairs what nothing needs, never what is referenced', async () => {
    const db = t.db.kysely;
    const stray = 'episodes/stray/x/audio.mp3';
    await t.store.put(stray, Readable.from([Buffer.from('stray')]));
    const orphan = 'episodes/orphan/x/audio.mp3';
    await t.store.put(orphan, Readable.from([Buffer.from('orphan')]));
    await record(db, orphan, 6);
    const ghost = 'episodes/ghost/x/audio.mp3';
    await record(db, ghost, 5);
    // A ready episode whose delivery file vanished: reported, never "repaired" away.
    const show = await (
      await t.call('POST', '/api/v1/shows', { json: { ...minimalShow, slug: 'fsck' } })
    ).json();
    const episode = await (
      await t.call('POST', `/api/v1/shows/${show.id}/episodes`, { json: { title: 'Kwijt' } })
    ).json();
    const lost = `episodes/${episode.id}/job/audio.mp3`;
    await record(db, lost, 9, 'delivery', episode.id);
    await db
      .updateTable('episodes')
      .set({ audio: JSON.stringify({ key: lost, type: 'audio/mpeg', size: 9, sha256: '' }) })
      .where('id', '=', episode.id)
      .execute();

    const found = await checkStorage({ db, store: t.store }, { graceMs: 0 });
    expect(found.map((f) => [f.kind, f.key]).sort()).toEqual(
      [
        ['blob_without_row', stray],
        ['missing_referenced_blob', lost],
        ['orphaned_blob', orphan],
        ['row_without_blob', ghost],
      ].sort(),
    );
    // Findings younger than the grace period are reported but left alone: an upload may be
    // finishing. The stray blob is new; the two records are two hours old.
    const first = await checkStorage({ db, store: t.store }, { repair: true });
    const repairOf = (findings: typeof first, key: string) => findings.find((f) => f.key === key)?.repair;
    expect(repairOf(first, stray)).toBe('kept (too recent)');
    expect(repairOf(first, orphan)).toBe('removed');
    expect(repairOf(first, ghost)).toBe('removed');
    expect(repairOf(first, lost)).toBe('not repairable');
    expect(await t.store.head(stray)).not.toBeNull();
    expect(await t.store.head(orphan)).toBeNull();

    const second = await checkStorage({ db, store: t.store }, { repair: true, graceMs: 0 });
    expect(repairOf(second, stray)).toBe('removed');
    expect(await t.store.head(stray)).toBeNull();
    expect((await checkStorage({ db, store: t.store }, { graceMs: 0 })).map((f) => f.key)).toEqual([lost]);
    expect((await t.call('DELETE', `/api/v1/episodes/${episode.id}`)).status).toBe(204);
  });

  itLeavesStorageConsistent(() => t);
});

describe('npm run fsck', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zender-fsck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports findings with exit status 1, repairs them with --repair, then reports 0 findings', async () => {
    // Vitest puts Vite's BASE_URL ('/') in process.env: not a zender setting.
    const { BASE_URL: _vite, ...inherited } = process.env;
    const env = {
      ...inherited,
      DATA_DIR: dir,
      MEDIA_DIR: path.join(dir, 'media'),
      DATABASE_URL: '',
      STORAGE: 'fs',
    };
    const db = createDb({ kind: 'sqlite', file: path.join(dir, 'zender.sqlite') });
    await migrateToLatest(db.kysely);
    const store = createFsStore({ root: path.join(dir, 'media') });
    await store.put('shows/gone/artwork/v/600.jpg', Readable.from([Buffer.from('old')]));
    await record(db.kysely, 'episodes/gone/job/peaks.json', 3, 'peaks');
    await db.kysely.destroy();
    const fsck = (...args: string[]) =>
      run('npx', ['tsx', 'scripts/fsck.ts', ...args], { env }).then(
        (out) => ({ code: 0, stdout: out.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const first = await fsck();
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('blob_without_row\tshows/gone/artwork/v/600.jpg');
    expect(first.stdout).toContain('row_without_blob\tepisodes/gone/job/peaks.json');
    const repair = await fsck('--repair', '--grace-minutes', '0');
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain('2 repaired, 0 left');
    const after = await fsck();
    expect(after).toEqual({ code: 0, stdout: 'fsck: fs storage and the database agree (0 findings)\n' });
  }, 60_000);
});
