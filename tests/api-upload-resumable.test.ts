import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createS3Store } from '../src/storage/s3-store.js';
import { waitFor } from './helpers/browser.js';
import { makeAudio } from './helpers/make-audio.js';
import { type S3rverHandle, startS3rver } from './helpers/s3rver-server.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { type TusClient, tusClient } from './helpers/tus-client.js';

const MiB = 1024 * 1024;
const hour = 3600_000;

/**
 * Resumable uploads end to end over a real HTTP server, with the staging store STORAGE selects:
 * a folder (fs), or the object store (s3: @tus/s3-store's multipart uploads, against s3rver),
 * where the blob store is S3 too. TUS_EXPIRY_HOURS is its default, 24.
 */
describe.each(['fs', 's3'] as const)('resumable (tus) uploads with STORAGE=%s, over HTTP', (driver) => {
  let s3: S3rverHandle | undefined;
  let t: TestApp;
  let http: ServedApp;
  let showId: string;
  beforeAll(async () => {
    if (driver === 's3') {
      s3 = await startS3rver();
      const { endpoint, region, bucket, accessKeyId, secretAccessKey } = s3;
      const connection = { endpoint, region, bucket, accessKeyId, secretAccessKey, forcePathStyle: true };
      t = await openTestApp(testDatabases()[0], {
        store: createS3Store(connection),
        tus: { s3: connection, expiryHours: 24 },
      });
    } else {
      t = await openTestApp(testDatabases()[0], { tus: { expiryHours: 24 } });
    }
    http = await serveApp(t);
    showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await http?.close();
    await t?.close();
    await s3?.close();
  });

  /**
   * What the staging store holds: file names in the folder, or the bucket's objects outside the
   * blob store's folders plus its open multipart uploads, marked `(multipart)`.
   */
  async function staged(): Promise<string[]> {
    if (!s3) {
      const dir = path.join(t.dir, 'uploads');
      return existsSync(dir) ? readdirSync(dir).sort() : [];
    }
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const [objects, uploads] = await Promise.all([
      client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Delimiter: '/' })),
      client.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket })),
    ]);
    client.destroy();
    return [
      ...(objects.Contents ?? []).map((o) => o.Key!),
      ...(uploads.Uploads ?? []).map((u) => `${u.Key} (multipart)`),
    ].sort();
  }

  async function newEpisode(title = 'Gesprek') {
    return (await (await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title } })).json())
      .id as string;
  }

  /** Polls HEAD until the offset differs from `from`: HEAD waits for a running PATCH, so it then is final. */
  function offsetAfterBreak(tus: TusClient, uploadPath: string, from: number) {
    return waitFor(`the offset to move past ${from}`, async () => {
      const offset = await tus.offset(uploadPath);
      return offset !== from ? offset : null;
    });
  }

  it('survives two broken connections, keeps what arrived, and processes exactly the bytes sent', async () => {
    // 24-bit stereo, as field recorders write: 45 s is 11.4 MiB, more than one 8 MiB S3 part.
    const wav = makeAudio('veldopname.wav', { seconds: 45, codec: ['-c:a', 'pcm_s24le'] });
    const file = new Uint8Array(readFileSync(wav));
    expect(file.length).toBeGreaterThan(10 * MiB);
    const episodeId = await newEpisode();
    const tus = tusClient(http.origin, await t.tokenFor('editor'));

    const created = await tus.create(file.length, {
      episodeId,
      filename: 'veldopname.wav',
      filetype: 'audio/wav',
    });
    expect(created.status).toBe(201);
    const uploadPath = created.headers.get('location')!;

    // The connection drops 2 MiB in: less than the 5 MiB S3 takes as a part.
    await tus.patchThenDrop(uploadPath, 0, file.subarray(0, 2 * MiB), file.length);
    const first = await offsetAfterBreak(tus, uploadPath, 0);
    expect(first).toBeLessThanOrEqual(2 * MiB);

    // It drops again at 10 MiB: past one full 8 MiB part, short of the next.
    await tus.patchThenDrop(uploadPath, first, file.subarray(first, 10 * MiB), file.length - first);
    const second = await offsetAfterBreak(tus, uploadPath, first);
    expect(second).toBeGreaterThan(8 * MiB);
    expect(second).toBeLessThanOrEqual(10 * MiB);

    const done = await tus.resume(uploadPath, file);
    expect(done.status).toBe(204);
    expect(done.headers.get('upload-offset')).toBe(String(file.length));
    const jobId = done.headers.get('zender-job-id');
    expect(jobId).toBeTruthy();
    // The staging copy is gone once the recording is the episode's.
    expect(await staged()).toEqual([]);

    await t.worker.drain();
    const episode = await (await t.call('GET', `/api/v1/episodes/${episodeId}`)).json();
    expect(episode).toMatchObject({ status: 'ready', jobId });
    expect(episode.duration).toBeGreaterThan(44.5);
    expect(episode.duration).toBeLessThan(45.5);
    expect(episode.quality).toMatchObject({ codec: 'pcm_s24le', channels: 2, sampleRate: 44100 });
    const original = await t.db.kysely
      .selectFrom('media_files')
      .select(['key', 'size'])
      .where('episode_id', '=', episodeId)
      .where('role', '=', 'original')
      .executeTakeFirstOrThrow();
    expect(original.size).toBe(file.length);
    const stored = createHash('sha256');
    for await (const chunk of (await t.store.get(original.key)).body) stored.update(chunk);
    expect(stored.digest('hex')).toBe(createHash('sha256').update(file).digest('hex'));
  });

  async function startUpload(tus: TusClient, size: number, sent: number) {
    const created = await tus.create(size, { episodeId: await newEpisode(), filetype: 'audio/wav' });
    expect(created.status).toBe(201);
    const uploadPath = created.headers.get('location')!;
    const bytes = new Uint8Array(sent).map((_, i) => i % 253);
    expect((await tus.patch(uploadPath, 0, bytes)).status).toBe(204);
    return { uploadPath, id: path.basename(uploadPath) };
  }

  it('has the cleanup-uploads job remove an upload abandoned past the expiry, bytes and record, and keep a fresh one', async () => {
    const tus = tusClient(http.origin, await t.tokenFor('editor'));
    // 9 of 12 MiB: on S3 one full part in the multipart upload and 1 MiB as the incomplete part.
    const abandoned = await startUpload(tus, 12 * MiB, 9 * MiB);
    const { id } = abandoned;
    expect((await staged()).filter((name) => name.includes(id))).toEqual(
      driver === 's3' ? [`${id} (multipart)`, `${id}.info`, `${id}.part`] : [id, `${id}.json`],
    );

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * hour);
    const fresh = await startUpload(tus, 3 * MiB, MiB);

    const jobId = await t.queue.enqueue('cleanup-uploads', {}, { dedupeKey: 'cleanup-uploads' });
    await t.worker.drain();
    expect((await (await t.call('GET', `/api/v1/jobs/${jobId}`)).json()).status).toBe('done');

    const left = await staged();
    expect(left.filter((name) => name.includes(id))).toEqual([]);
    expect(left.filter((name) => name.includes(fresh.id)).length).toBeGreaterThan(0);
    // tus: "404 Not Found or 410 Gone" for an upload the server removed.
    expect([404, 410]).toContain((await tus.head(abandoned.uploadPath)).status);
    const late = await tus.patch(abandoned.uploadPath, 9 * MiB, new Uint8Array(MiB));
    expect([404, 410]).toContain(late.status);

    // The fresh one goes on where it was and finishes.
    expect(await tus.offset(fresh.uploadPath)).toBe(MiB);
    const done = await tus.patch(fresh.uploadPath, MiB, new Uint8Array(2 * MiB).fill(1));
    expect(done.status).toBe(204);
    expect(done.headers.get('zender-job-id')).toBeTruthy();
    expect(await staged()).toEqual([]);
  });

  itLeavesStorageConsistent(() => t);
});
