import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableShow, readyEpisode } from './helpers/ready-episode.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { tusMetadata } from './helpers/tus-client.js';

const maxUploadBytes = 1024 * 1024;

function chunkedBody(totalBytes: number, failAfter?: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) {
        controller.error(new Error('client went away'));
        return;
      }
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const size = Math.min(64 * 1024, totalBytes - sent);
      controller.enqueue(new Uint8Array(size).fill(7));
      sent += size;
    },
  });
}

describe.each(testDatabases())('audio upload on $name', (database) => {
  let t: TestApp;
  let showId: string;
  beforeAll(async () => {
    t = await openTestApp(database, { maxUploadBytes });
    showId = (await (await t.call('POST', '/api/v1/shows', { json: minimalShow })).json()).id;
  });
  afterAll(async () => t.close());

  async function newEpisode() {
    return (
      await (await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Upload' } })).json()
    ).id as string;
  }

  async function storedOriginals(episodeId: string) {
    return t.store.list(`episodes/${episodeId}/`);
  }

  /** What waits in the tus staging folder (upload bytes and their .json records). */
  function staged(): string[] {
    const dir = path.join(t.dir, 'uploads');
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  }

  function createTus(
    uploadLength: number,
    metadata: Record<string, string>,
    options: { token?: string } = {},
  ) {
    return t.call('POST', '/api/v1/uploads', {
      token: options.token,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(uploadLength),
        'upload-metadata': tusMetadata(metadata),
      },
    });
  }

  function patchTus(uploadPath: string, offset: number, chunk: Uint8Array, options: { token?: string } = {}) {
    return t.call('PATCH', uploadPath, {
      token: options.token,
      body: chunk as Uint8Array<ArrayBuffer>,
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
    });
  }

  it('streams the body to storage, marks the episode processing and answers 202 with the job', async () => {
    const id = await newEpisode();
    const res = await t.call('PUT', `/api/v1/episodes/${id}/audio`, {
      body: chunkedBody(300_000),
      headers: { 'content-type': 'audio/wav', 'x-filename': '../../interview.WAV' },
    });
    expect(res.status).toBe(202);
    const { jobId } = await res.json();
    const episode = await (await t.call('GET', `/api/v1/episodes/${id}`)).json();
    expect(episode).toMatchObject({ status: 'processing', jobId });
    const job = await (await t.call('GET', `/api/v1/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ kind: 'process-episode', status: 'queued' });
    const blobs = await storedOriginals(id);
    expect(blobs).toHaveLength(1);
    expect(blobs[0].size).toBe(300_000);
    expect(blobs[0].key).toMatch(new RegExp(`^episodes/${id}/originals/[0-9a-f-]+\\.wav$`));
  });

  it('answers 413 from Content-Length before reading, and stores nothing', async () => {
    const id = await newEpisode();
    const res = await t.call('PUT', `/api/v1/episodes/${id}/audio`, {
      body: chunkedBody(10),
      headers: { 'content-type': 'audio/mpeg', 'content-length': String(maxUploadBytes + 1) },
    });
    expect(res.status).toBe(413);
    expect(await storedOriginals(id)).toEqual([]);
  });

  it('answers 413 when a body without length grows past the limit, and keeps nothing', async () => {
    const id = await newEpisode();
    const res = await t.call('PUT', `/api/v1/episodes/${id}/audio`, {
      body: chunkedBody(maxUploadBytes + 200_000),
      headers: { 'content-type': 'audio/mpeg' },
    });
    expect(res.status).toBe(413);
    expect(await storedOriginals(id)).toEqual([]);
    expect((await (await t.call('GET', `/api/v1/episodes/${id}`)).json()).status).toBe('draft');
  });

  it('leaves the episode as it was when the client disconnects mid-upload', async () => {
    const id = await newEpisode();
    const res = await t.call('PUT', `/api/v1/episodes/${id}/audio`, {
      body: chunkedBody(900_000, 200_000),
      headers: { 'content-type': 'audio/mpeg' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('upload_interrupted');
    expect(await storedOriginals(id)).toEqual([]);
    const episode = await (await t.call('GET', `/api/v1/episodes/${id}`)).json();
    expect(episode).toMatchObject({ status: 'draft', jobId: null });
  });

  it('refuses a type that is not audio or video with 415, and an unknown episode with 404', async () => {
    const id = await newEpisode();
    const res = await t.call('PUT', `/api/v1/episodes/${id}/audio`, {
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    const missing = await t.call('PUT', '/api/v1/episodes/nope/audio', {
      body: 'x',
      headers: { 'content-type': 'audio/mpeg' },
    });
    expect(missing.status).toBe(404);
  });

  it('takes a tus upload in two pieces, resuming from the offset the server reports', async () => {
    const id = await newEpisode();
    const bytes = new Uint8Array(250_000).map((_, i) => i % 251);
    const meta = (pairs: Record<string, string>) =>
      Object.entries(pairs)
        .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
        .join(',');
    const created = await t.call('POST', '/api/v1/uploads', {
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': meta({ episodeId: id, filename: 'gesprek.mp3', filetype: 'audio/mpeg' }),
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const uploadPath = new URL(location, t.baseUrl).pathname;
    const patch = (offset: number, chunk: Uint8Array<ArrayBuffer>) =>
      t.call('PATCH', uploadPath, {
        body: chunk,
        headers: {
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
      });
    expect((await patch(0, bytes.subarray(0, 100_000))).status).toBe(204);
    // The connection dropped; the client asks where to go on.
    const head = await t.call('HEAD', uploadPath, { headers: { 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('100000');
    const done = await patch(100_000, bytes.subarray(100_000));
    expect(done.status).toBe(204);
    const jobId = done.headers.get('zender-job-id');
    expect(jobId).toBeTruthy();
    const episode = await (await t.call('GET', `/api/v1/episodes/${id}`)).json();
    expect(episode).toMatchObject({ status: 'processing', jobId });
    const blobs = await storedOriginals(id);
    expect(blobs.map((b) => b.size)).toEqual([250_000]);
    expect(blobs[0].key).toMatch(/\.mp3$/);
  });

  it('refuses a tus upload that announces more than the limit, or names no episode', async () => {
    const id = await newEpisode();
    const before = staged();
    const tooBig = await t.call('POST', '/api/v1/uploads', {
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(maxUploadBytes + 1),
        'upload-metadata': `episodeId ${Buffer.from(id).toString('base64')}`,
      },
    });
    expect(tooBig.status).toBe(413);
    // The same with the first bytes in the creation request (creation-with-upload): none are kept.
    const tooBigWithBytes = await t.call('POST', '/api/v1/uploads', {
      body: new Uint8Array(64 * 1024).fill(1),
      headers: {
        'tus-resumable': '1.0.0',
        'upload-length': String(maxUploadBytes + 1),
        'upload-metadata': tusMetadata({ episodeId: id, filetype: 'audio/wav' }),
        'content-type': 'application/offset+octet-stream',
      },
    });
    expect(tooBigWithBytes.status).toBe(413);
    expect(staged()).toEqual(before);
    const anonymous = await t.call('POST', '/api/v1/uploads', {
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    expect(anonymous.status).toBe(400);
  });

  it('refuses a tus upload for an episode that does not exist, is published, or for a non-audio type, staging nothing', async () => {
    const show = await publishableShow(t, { title: 'Al gepubliceerd', slug: 'al-gepubliceerd' });
    const published = await readyEpisode(t, show.id, { title: 'Al uit' });
    expect((await t.call('POST', `/api/v1/episodes/${published.id}/publish`, { json: {} })).status).toBe(200);
    const before = staged();

    expect((await createTus(1000, { episodeId: 'bestaat-niet', filetype: 'audio/wav' })).status).toBe(404);
    expect((await createTus(1000, { episodeId: published.id, filetype: 'audio/wav' })).status).toBe(409);
    const text = await createTus(1000, { episodeId: await newEpisode(), filetype: 'text/plain' });
    expect(text.status).toBe(415);
    expect(staged()).toEqual(before);
    const episode = await (await t.call('GET', `/api/v1/episodes/${published.id}`)).json();
    expect(episode.status).toBe('published');
  });

  it('refuses the last tus bytes with 409 when the episode was published meanwhile, and keeps its audio', async () => {
    const show = await publishableShow(t, { title: 'Tijdens het uploaden', slug: 'tijdens-uploaden' });
    const episode = await readyEpisode(t, show.id, { title: 'Nieuwe opname' });
    const bytes = new Uint8Array(200_000).map((_, i) => i % 249);
    const created = await createTus(bytes.length, { episodeId: episode.id, filetype: 'audio/mpeg' });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.headers.get('location')!, t.baseUrl).pathname;
    expect((await patchTus(uploadPath, 0, bytes.subarray(0, 100_000))).status).toBe(204);

    // A colleague publishes the episode, with its current audio, while the new recording uploads.
    expect((await t.call('POST', `/api/v1/episodes/${episode.id}/publish`, { json: {} })).status).toBe(200);
    const audioBefore = (await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json()).audio;
    const last = await patchTus(uploadPath, 100_000, bytes.subarray(100_000));
    expect(last.status).toBe(409);

    const after = await (await t.call('GET', `/api/v1/episodes/${episode.id}`)).json();
    expect(after.status).toBe('published');
    expect(after.audio).toEqual(audioBefore);
    expect((await storedOriginals(episode.id)).filter((b) => b.key.includes('/originals/'))).toEqual([]);
    // The staged bytes are gone: the upload is no more.
    const head = await t.call('HEAD', uploadPath, { headers: { 'tus-resumable': '1.0.0' } });
    expect(head.status).toBe(404);
    expect(staged().filter((name) => name.startsWith(path.basename(uploadPath)))).toEqual([]);
  });

  it('takes no tus request without a valid token, and none that writes from a viewer', async () => {
    const id = await newEpisode();
    const bytes = new Uint8Array(1000).fill(3);
    const created = await createTus(bytes.length, { episodeId: id, filetype: 'audio/mpeg' });
    const uploadPath = new URL(created.headers.get('location')!, t.baseUrl).pathname;
    const before = staged();
    const viewer = await t.tokenFor('viewer');
    const tus = { 'tus-resumable': '1.0.0' };

    for (const token of ['', 'zt_not-a-real-token']) {
      const who = token ? 'a wrong token' : 'no token';
      expect((await createTus(10, { episodeId: id }, { token })).status, `POST with ${who}`).toBe(401);
      expect((await patchTus(uploadPath, 0, bytes, { token })).status, `PATCH with ${who}`).toBe(401);
      for (const method of ['HEAD', 'GET', 'DELETE']) {
        const res = await t.call(method, uploadPath, { token, headers: tus });
        expect(res.status, `${method} with ${who}`).toBe(401);
      }
    }
    expect((await createTus(10, { episodeId: id }, { token: viewer })).status).toBe(403);
    expect((await patchTus(uploadPath, 0, bytes, { token: viewer })).status).toBe(403);
    expect((await t.call('DELETE', uploadPath, { token: viewer, headers: tus })).status).toBe(403);

    expect(staged()).toEqual(before);
    const head = await t.call('HEAD', uploadPath, { headers: tus });
    expect(head.headers.get('upload-offset')).toBe('0');
    expect((await (await t.call('GET', `/api/v1/episodes/${id}`)).json()).status).toBe('draft');
  });

  itLeavesStorageConsistent(() => t);
});
