import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failingStream,
  generated,
  type Harness,
  openFs,
  openS3,
  readAll,
  text,
} from '../../tests/helpers/blob-store-harness.js';
import type { BlobStore } from './blob-store.js';
import {
  BlobNotFoundError,
  BlobTooLargeError,
  RangeNotSatisfiableError,
  UnsafeKeyError,
} from './storage-errors.js';

const MiB = 1024 * 1024;

/**
 * The behaviour every driver must share; each driver runs it against a real backend. Ranged
 * reads are in blob-store-ranges.contract.test.ts.
 */
function blobStoreContract(open: () => Promise<Harness>): void {
  let h: Harness;
  let store: BlobStore;
  beforeAll(async () => {
    h = await open();
    store = h.store;
  });
  afterAll(async () => h?.close());

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('round-trips a multi-megabyte stream with size and sha256 computed while streaming', async () => {
    // Over 8 MiB, so the S3 driver takes the multipart path.
    const data = generated(10 * MiB + 123);
    const put = await store.put('round/trip/audio.mp3', data.stream());
    expect(put).toEqual({
      key: 'round/trip/audio.mp3',
      size: data.bytes.length,
      sha256: data.sha256,
      contentType: 'audio/mpeg',
    });

    const got = await store.get('round/trip/audio.mp3');
    expect(got.size).toBe(data.bytes.length);
    expect(got.contentType).toBe('audio/mpeg');
    expect(got.range).toBeUndefined();
    const body = await readAll(got.body);
    expect(body.length).toBe(data.bytes.length);
    expect(createHash('sha256').update(body).digest('hex')).toBe(data.sha256);

    const info = await store.head('round/trip/audio.mp3');
    expect(info).toMatchObject({
      key: 'round/trip/audio.mp3',
      size: data.bytes.length,
      contentType: 'audio/mpeg',
    });
    expect(info?.lastModified).toBeInstanceOf(Date);
  });

  it('rejects, and does not crash the process, when the source fails before it is read', async () => {
    // A file removed between the caller's createReadStream and its first read.
    const gone = createReadStream(
      path.join(tmpdir(), `zender-missing-${randomBytes(4).toString('hex')}.mp3`),
    );
    await expect(store.put('gone/audio.mp3', gone)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.head('gone/audio.mp3')).toBeNull();
  });

  it('stores an empty object', async () => {
    const put = await store.put('empty/nothing.txt', Readable.from([]));
    expect(put.size).toBe(0);
    expect(put.sha256).toBe(createHash('sha256').digest('hex'));
    const got = await store.get('empty/nothing.txt');
    expect(got.size).toBe(0);
    expect((await readAll(got.body)).length).toBe(0);
    await expect(store.get('empty/nothing.txt', { start: 0, end: 0 })).rejects.toBeInstanceOf(
      RangeNotSatisfiableError,
    );
  });

  it('reports missing objects: head → null, get → BlobNotFoundError', async () => {
    expect(await store.head('missing/file.json')).toBeNull();
    await expect(store.get('missing/file.json')).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('deletes idempotently', async () => {
    await store.put('deleting/once.json', text('{}'));
    await store.delete('deleting/once.json');
    await store.delete('deleting/once.json');
    await store.delete('deleting/never-existed.json');
    expect(await store.head('deleting/once.json')).toBeNull();
    expect(await store.list('deleting/')).toEqual([]);
  });

  it('lists by folder and by partial prefix, recursively and sorted', async () => {
    await store.put('listing/b/3.json', text('333'));
    await store.put('listing/a/2.vtt', text('22'));
    await store.put('listing/a/1.json', text('1'));
    await store.put('listing/ab.json', text('4444'));
    const keys = async (prefix: string) => (await store.list(prefix)).map((info) => info.key);

    expect(await keys('listing/a/')).toEqual(['listing/a/1.json', 'listing/a/2.vtt']);
    expect(await keys('listing/a')).toEqual(['listing/a/1.json', 'listing/a/2.vtt', 'listing/ab.json']);
    expect(await keys('listing/')).toEqual([
      'listing/a/1.json',
      'listing/a/2.vtt',
      'listing/ab.json',
      'listing/b/3.json',
    ]);
    expect(await keys('listing/zzz/')).toEqual([]);
    expect(await keys('nothing-here/')).toEqual([]);
    const [first] = await store.list('listing/a/2');
    expect(first).toMatchObject({ key: 'listing/a/2.vtt', size: 2, contentType: 'text/vtt' });
    expect(first.lastModified).toBeInstanceOf(Date);
  });

  it('replaces an object on overwrite', async () => {
    await store.put('overwrite/notes.txt', text('first version, rather long'));
    const second = await store.put('overwrite/notes.txt', text('second'));
    expect(second.size).toBe(6);
    expect((await readAll((await store.get('overwrite/notes.txt')).body)).toString()).toBe('second');
    expect((await store.head('overwrite/notes.txt'))?.size).toBe(6);
    expect(await store.list('overwrite/')).toHaveLength(1);
  });

  it('accepts exactly maxBytes', async () => {
    const put = await store.put('limits/exact.bin', text('12345'), { maxBytes: 5 });
    expect(put.size).toBe(5);
  });

  it('stores nothing once more than maxBytes arrive, and stops reading the source', async () => {
    // Past one 8 MiB part, so the S3 driver has a multipart upload to abandon.
    const source = generated(12 * MiB).stream();
    const error = await store
      .put('limits/too-big.wav', source, { maxBytes: 9 * MiB })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobTooLargeError);
    expect((error as BlobTooLargeError).maxBytes).toBe(9 * MiB);
    expect(source.destroyed).toBe(true);
    expect(await store.head('limits/too-big.wav')).toBeNull();
    expect(await store.list('limits/too-big')).toEqual([]);
    // No temp file (fs) and no object (s3) anywhere, hidden or not.
    expect((await h.rawKeys()).filter((key) => !key.includes('exact.bin') && key.includes('limits'))).toEqual(
      [],
    );
    expect((await h.rawKeys()).filter((key) => key.includes('.tmp/'))).toEqual([]);
  });

  it('stores nothing when the source stream fails midway, and reports its error', async () => {
    const error = await store.put('broken/upload.wav', failingStream(9 * MiB)).catch((e: unknown) => e);
    expect((error as Error).message).toBe('client went away');
    expect(await store.head('broken/upload.wav')).toBeNull();
    expect(await store.list('broken/')).toEqual([]);
    expect((await h.rawKeys()).filter((key) => key.includes('broken') || key.includes('.tmp/'))).toEqual([]);
  });

  it('keeps the previous version when an overwrite fails', async () => {
    await store.put('keep/old.txt', text('old'));
    await expect(store.put('keep/old.txt', failingStream(1000))).rejects.toThrow('client went away');
    expect((await readAll((await store.get('keep/old.txt')).body)).toString()).toBe('old');
  });

  it('infers the content type from the extension when none is given', async () => {
    expect((await store.put('types/cover.png', text('png'))).contentType).toBe('image/png');
    expect((await store.put('types/transcript.srt', text('1'))).contentType).toBe('application/x-subrip');
    expect((await store.put('types/blob', text('?'))).contentType).toBe('application/octet-stream');
    expect(
      (await store.put('types/feed.xml', text('<rss/>'), { contentType: 'application/rss+xml' })).contentType,
    ).toBe('application/rss+xml');
    expect((await store.head('types/cover.png'))?.contentType).toBe('image/png');
    const feed = await store.get('types/feed.xml');
    feed.body.destroy(); // an unread body holds a file descriptor or socket until destroyed
    expect(feed.contentType).toBe('application/rss+xml');
  });

  it('rejects unsafe keys in every method and writes nothing anywhere', async () => {
    const sentinel = `zender-sentinel-${randomBytes(6).toString('hex')}`;
    const unsafe = [
      `../../${sentinel}`,
      '../../etc/passwd',
      `a/../${sentinel}`,
      `/tmp/${sentinel}`,
      `a\\${sentinel}`,
      `a//${sentinel}`,
      `x\u0000${sentinel}`,
      `.tmp/${sentinel}`,
      `Upper/${sentinel}`,
      '',
      `${'a'.repeat(513)}`,
    ];
    for (const key of unsafe) {
      const body = text('owned');
      await expect(store.put(key, body)).rejects.toBeInstanceOf(UnsafeKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(UnsafeKeyError);
      await expect(store.get(key, { start: 0, end: 1 })).rejects.toBeInstanceOf(UnsafeKeyError);
      await expect(store.head(key)).rejects.toBeInstanceOf(UnsafeKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(UnsafeKeyError);
      await expect(store.url(key)).rejects.toBeInstanceOf(UnsafeKeyError);
      expect(() => store.localPath(key)).toThrow(UnsafeKeyError);
    }
    for (const prefix of ['../', '/', 'a//', '..'])
      await expect(store.list(prefix)).rejects.toBeInstanceOf(UnsafeKeyError);

    expect(existsSync(path.join('/tmp', sentinel))).toBe(false);
    if (h.root) {
      for (const up of ['..', '../..', '../../..'])
        expect(existsSync(path.join(h.root, up, sentinel))).toBe(false);
    }
    expect((await h.rawKeys()).filter((key) => key.includes(sentinel) || key.includes('passwd'))).toEqual([]);
  });

  it('gives a direct URL or a local path as the driver allows', async () => {
    const data = generated(70_000);
    await store.put('direct/audio.mp3', data.stream());
    if (store.kind === 'fs') {
      expect(await store.url('direct/audio.mp3')).toBeNull();
      const local = store.localPath('direct/audio.mp3')!;
      expect(local.startsWith(`${h.root}${path.sep}`)).toBe(true);
      expect(readFileSync(local).equals(data.bytes)).toBe(true);
      return;
    }
    expect(store.localPath('direct/audio.mp3')).toBeNull();
    const presigned = (await store.url('direct/audio.mp3'))!;
    expect(presigned).toContain('X-Amz-Signature=');
    expect(presigned).toContain('X-Amz-Expires=3600');
    const response = await fetch(presigned);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(data.bytes)).toBe(true);

    const named = (await store.url('direct/audio.mp3', {
      downloadName: 'Aflevering 1 – gemeente.mp3',
      expiresInSeconds: 60,
    }))!;
    expect(named).toContain('X-Amz-Expires=60');
    const download = await fetch(named);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Aflevering 1 _ gemeente.mp3"; filename*=UTF-8''Aflevering%201%20%E2%80%93%20gemeente.mp3`,
    );
    await download.arrayBuffer();

    const cdn = h.withPublicUrl!('https://cdn.example.org/media/');
    expect(await cdn.url('direct/audio.mp3')).toBe('https://cdn.example.org/media/direct/audio.mp3');
  });
}

describe.each([
  ['fs', openFs],
  ['s3 (s3rver)', openS3],
])('BlobStore contract: %s', (_name, open) => {
  blobStoreContract(open);
});
