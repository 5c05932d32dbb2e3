import { createWriteStream, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/audio/index.js';
import { createS3Store } from '../src/storage/s3-store.js';
import {
  generateCorruptAmr,
  generateHostileCorpus,
  generateMp3WithPrivFrame,
} from './fixtures/generate-audio.js';
import { readAll } from './helpers/blob-store-harness.js';
import { makeAudio } from './helpers/make-audio.js';
import { type S3rverHandle, startS3rver } from './helpers/s3rver-server.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

async function upload(t: TestApp, showId: string, file: string, contentType: string, title = 'Interview') {
  const episode = await (
    await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title } })
  ).json();
  const res = await t.call('PUT', `/api/v1/episodes/${episode.id}/audio`, {
    body: new Uint8Array(readFileSync(file)),
    headers: { 'content-type': contentType },
  });
  expect(res.status).toBe(202);
  await t.worker.drain();
  return (await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json()) as Record<string, any>;
}

/** The storage key of an episode's delivery MP3, as its row records it. */
async function deliveryKey(t: TestApp, episodeId: string): Promise<string> {
  const row = await t.db.kysely
    .selectFrom('episodes')
    .select('audio')
    .where('id', '=', episodeId)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.audio!).key as string;
}

describe.each(testDatabases())('audio processing on $name (real ffmpeg)', (database) => {
  let t: TestApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(database);
    showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
  });
  afterAll(async () => t.close());

  it('turns a quiet stereo WAV into a -16 LUFS MP3 with peaks, quality report and a transcript placeholder', async () => {
    const wav = makeAudio('quiet.wav', { seconds: 12, volumeDb: -32, speechLike: true });
    const episode = await upload(t, showId, wav, 'audio/wav');
    expect(episode.status).toBe('ready');
    expect(episode.duration).toBeGreaterThan(11.5);
    expect(episode.duration).toBeLessThan(12.5);
    expect(episode.audio.type).toBe('audio/mpeg');
    expect(Math.abs(episode.quality.outputLufs - -16)).toBeLessThanOrEqual(1);
    expect(episode.quality.truePeakDbtp).toBeLessThanOrEqual(-0.9);
    expect(episode.quality.inputLufs).toBeLessThan(-25);
    expect(episode.quality).toMatchObject({ sampleRate: 44100, channels: 2, codec: 'pcm_s16le' });
    expect(episode.transcript.status).toBe('pending');

    const job = await (await t.call('GET', `/api/v1/jobs/${episode.jobId}`)).json();
    expect(job).toMatchObject({ status: 'done', progress: 100, attempts: 1 });

    const files = await t.db.kysely
      .selectFrom('media_files')
      .selectAll()
      .where('episode_id', '=', episode.id)
      .execute();
    expect(files.map((f) => f.role).sort()).toEqual(['delivery', 'original', 'peaks']);
    for (const file of files) {
      const stored = await t.store.head(file.key);
      expect(stored?.size).toBe(file.size);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const transcript = await t.call(
      'GET',
      `/api/v1/episodes/${episode.id}/transcript?language=nl&format=vtt`,
    );
    const vtt = await transcript.text();
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt.match(/-->/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('writes chapters set after processing into the delivery MP3 as ID3 CHAP frames', async () => {
    const episode = await upload(
      t,
      showId,
      makeAudio('chapters.wav', { seconds: 10 }),
      'audio/wav',
      'Hoofdstukken',
    );
    const before = JSON.parse(
      (
        await t.db.kysely
          .selectFrom('episodes')
          .select('audio')
          .where('id', '=', episode.id)
          .executeTakeFirstOrThrow()
      ).audio!,
    );
    const res = await t.call('PUT', `/api/v1/episodes/${episode.id}/chapters`, {
      body: '00:00 Welkom\n00:04 Het gesprek',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(200);
    await t.worker.drain();
    const after = JSON.parse(
      (
        await t.db.kysely
          .selectFrom('episodes')
          .select('audio')
          .where('id', '=', episode.id)
          .executeTakeFirstOrThrow()
      ).audio!,
    );
    expect(after.key).not.toBe(before.key);
    expect(await t.store.head(before.key)).toBeNull();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zender-chap-')), 'a.mp3');
    await pipeline((await t.store.get(after.key)).body, createWriteStream(file));
    const meta = await parseFile(file, { includeChapters: true });
    expect(meta.format.chapters?.map((c) => c.title)).toEqual(['Welkom', 'Het gesprek']);
    expect(statSync(file).size).toBe(after.size);
  });

  it('rewrites the ID3 title (and comment) of the delivered MP3 after a title edit, without re-encoding', async () => {
    const episode = await upload(
      t,
      showId,
      makeAudio('retitle.wav', { seconds: 6 }),
      'audio/wav',
      'Oude titel',
    );
    const delivered = async () => {
      const key = await deliveryKey(t, episode.id);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'zender-title-')), 'a.mp3');
      await pipeline((await t.store.get(key)).body, createWriteStream(file));
      return { key, file, meta: await parseFile(file) };
    };
    const before = await delivered();
    expect(before.meta.common.title).toBe('Oude titel');
    const res = await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
      json: { title: 'Nieuwe titel', summary: 'Over wonen' },
    });
    expect(res.status).toBe(200);
    await t.worker.drain();
    const after = await delivered();
    expect(after.meta.common.title).toBe('Nieuwe titel');
    // ffmpeg writes `comment` as TXXX:comment, as processing does.
    const native = Object.values(after.meta.native).flat();
    expect(native.find((tag) => tag.id === 'TXXX:comment')?.value).toBe('Over wonen');
    expect(after.meta.common.album).toBe(minimalShow.title);
    expect(await t.store.head(before.key)).toBeNull();
    // Same audio frames: the tag changed, the encode did not.
    const tail = (file: string) => readFileSync(file).subarray(-20_000);
    expect(tail(after.file).equals(tail(before.file))).toBe(true);
  });

  it('rewrites album and artist in every delivered MP3 of a show when the show is renamed, and nothing on other edits', async () => {
    const own = await t.shows.create({
      ...minimalShow,
      slug: 'hernoemd',
      title: 'Oude show',
      author: 'Oude maker',
    });
    const episodes = [
      await upload(t, own.id, makeAudio('rename-a.wav', { seconds: 4 }), 'audio/wav', 'Een'),
      await upload(t, own.id, makeAudio('rename-b.wav', { seconds: 4 }), 'audio/wav', 'Twee'),
    ];
    const tagsOf = async (id: string) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'zender-album-')), 'a.mp3');
      await pipeline((await t.store.get(await deliveryKey(t, id))).body, createWriteStream(file));
      return (await parseFile(file)).common;
    };
    const keys = await Promise.all(episodes.map((e) => deliveryKey(t, e.id)));
    const unrelated = await t.call('PATCH', `/api/v1/shows/${own.id}`, {
      json: { description: 'Andere tekst.' },
    });
    expect(unrelated.status).toBe(200);
    await t.worker.drain();
    expect(await Promise.all(episodes.map((e) => deliveryKey(t, e.id)))).toEqual(keys);

    const renamed = await t.call('PATCH', `/api/v1/shows/${own.id}`, {
      json: { title: 'Nieuwe show', author: 'Nieuwe maker' },
    });
    expect(renamed.status).toBe(200);
    await t.worker.drain();
    for (const episode of episodes) {
      const tags = await tagsOf(episode.id);
      expect(tags.album).toBe('Nieuwe show');
      expect(tags.artist).toBe('Nieuwe maker');
      expect(tags.title).toBe(episode.title);
    }
  });

  it('fails a tag rewrite for good at once when the delivery file is gone from storage', async () => {
    const episode = await upload(t, showId, makeAudio('gone.wav', { seconds: 3 }), 'audio/wav', 'Weg');
    const key = await deliveryKey(t, episode.id);
    const bytes = await readAll((await t.store.get(key)).body);
    await t.store.delete(key);
    try {
      const res = await t.call('PATCH', `/api/v1/episodes/${episode.id}`, {
        json: { title: 'Nog steeds weg' },
      });
      expect(res.status).toBe(200);
      await t.worker.drain();
      const job = await t.db.kysely
        .selectFrom('jobs')
        .select(['status', 'attempts', 'errors'])
        .where('dedupe_key', '=', `chapters:${episode.id}`)
        .executeTakeFirstOrThrow();
      // One attempt, no backoff: a missing file does not come back by waiting.
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job.errors).toContain('missing from storage');
    } finally {
      // Put it back, so the storage check at the end of the suite finds nothing.
      await t.store.put(key, Readable.from([bytes]), { contentType: 'audio/mpeg' });
    }
  });

  it('extracts the audio of a video file and keeps mono speech mono', async () => {
    const mp4 = makeAudio('call.mp4', { seconds: 5, channels: 1, codec: ['-c:a', 'aac'] });
    const episode = await upload(t, showId, mp4, 'video/mp4', 'Videogesprek');
    expect(episode.status).toBe('ready');
    expect(episode.quality.channels).toBe(1);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'audio/mpeg'],
    ['text named .mp3', Buffer.from('Dit is geen audio, maar een tekstbestand.\n'.repeat(50)), 'audio/mpeg'],
  ])('marks %s failed with a plain reason and keeps no file', async (_name, bytes, type) => {
    const file = makeAudio('x.wav', { seconds: 1 });
    writeFileSync(file, bytes);
    const episode = await upload(t, showId, file, type, 'Kapot');
    expect(episode.status).toBe('failed');
    expect(episode.failureReason).toMatch(/^[a-z_]+$/);
    const job = await (await t.call('GET', `/api/v1/jobs/${episode.jobId}`)).json();
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(await t.store.list(`episodes/${episode.id}/`)).toEqual([]);
  });

  it('fails a damaged AMR at once, for good, with a plain reason and a sentence in Dutch and English', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zender-amr-'));
    const amr = await generateCorruptAmr(dir);
    const episode = await upload(t, showId, amr, 'audio/amr', 'Voicemail');
    expect(episode.status).toBe('failed');
    expect(episode.failureReason).toBe('undecodable');
    expect(episode.failureMessage.nl).toMatch(/geen geluid dat we kunnen lezen/);
    expect(episode.failureMessage.en).toMatch(/not audio we can read/);
    const job = await (await t.call('GET', `/api/v1/jobs/${episode.jobId}`)).json();
    // Not retried as if the fault were ours, and no ffmpeg size summary as the reason.
    expect(job).toMatchObject({ status: 'failed', attempts: 1, error: 'undecodable' });
    expect(await t.store.list(`episodes/${episode.id}/`)).toEqual([]);
  });

  it('processes a valid mp3 whose ID3 tag carries a 15 MB PRIV frame', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zender-priv-'));
    const mp3 = await generateMp3WithPrivFrame(resolveMediaTools().ffmpegPath, dir);
    const episode = await upload(t, showId, mp3, 'audio/mpeg', 'Met projectdata');
    expect(episode.status).toBe('ready');
    expect(episode.duration).toBeCloseTo(4, 0);
  });

  it('answers each file of the hostile corpus with its reason, or keeps it with a truncation warning, and orphans nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zender-hostile-'));
    const corpus = await generateHostileCorpus(resolveMediaTools().ffmpegPath, dir);
    const outcomes: Record<string, string> = {};
    for (const [name, file] of Object.entries(corpus)) {
      const episode = await upload(t, showId, file, 'application/octet-stream', name);
      outcomes[name] =
        episode.status === 'ready'
          ? `ready${episode.quality.truncated ? ', truncated' : ''}`
          : `${episode.status}: ${episode.failureReason}`;
      const stored = await t.store.list(`episodes/${episode.id}/`);
      const recorded = await t.db.kysely
        .selectFrom('media_files')
        .select('key')
        .where('episode_id', '=', episode.id)
        .execute();
      expect(stored.map((o) => o.key).sort()).toEqual(recorded.map((r) => r.key).sort());
      if (episode.quality?.truncated) {
        expect(episode.quality.claimedDurationSeconds).toBeGreaterThan(episode.duration + 1);
      }
    }
    expect(outcomes).toEqual({
      empty: 'failed: undecodable',
      text: 'failed: undecodable',
      truncatedMp3: 'ready, truncated',
      lyingWav: 'ready',
      pngAsWav: 'failed: undecodable',
      videoOnly: 'failed: no_audio_stream',
      claims24h: 'ready, truncated',
      headerOnlyWav: 'failed: zero_duration',
      playlistAsMp3: 'failed: undecodable',
    });
  });

  itLeavesStorageConsistent(() => t);
});

describe('audio processing with S3 storage (s3rver)', () => {
  let s3: S3rverHandle;
  let t: TestApp;
  beforeAll(async () => {
    s3 = await startS3rver();
    const store = createS3Store({
      endpoint: s3.endpoint,
      region: s3.region,
      bucket: s3.bucket,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    });
    t = await openTestApp(testDatabases()[0], { store });
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('downloads the original from S3, processes it and stores the results there', async () => {
    const showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
    const episode = await upload(t, showId, makeAudio('s3.flac', { seconds: 4 }), 'audio/flac');
    expect(episode.status).toBe('ready');
    const keys = (await t.store.list(`episodes/${episode.id}/`)).map((b) => b.key);
    expect(keys.some((k) => k.endsWith('/audio.mp3'))).toBe(true);
    expect(keys.some((k) => k.endsWith('/peaks.json'))).toBe(true);
  });

  itLeavesStorageConsistent(() => t);
});
