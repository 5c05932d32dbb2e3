/**
 * The node:http listener `npm start` serves (src/http/node-listener.ts), tested over real sockets:
 * its feed fast path, which answers ready feeds without Hono, and the raw-socket branch of the
 * audio upload, which reads the request stream directly. app.request() reaches neither.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from './helpers/http-get.js';
import { showWithLargeFeed } from './helpers/large-feed.js';
import { type ServedApp, serveApp } from './helpers/serve-app.js';
import { minimalShow, openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

const maxUploadBytes = 1024 * 1024;

/** A PUT over a socket, the body written in pieces; `abortAfter` bytes, then the socket is destroyed. */
function putStream(
  url: string,
  headers: Record<string, string>,
  totalBytes: number,
  abortAfter?: number,
): Promise<{ status: number; body: string } | 'aborted'> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a server that refuses an upload closes it.
    const req = request(url, { method: 'PUT', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => (abortAfter !== undefined ? resolve('aborted') : reject(error)));
    let sent = 0;
    const piece = Buffer.alloc(64 * 1024, 7);
    const writeMore = () => {
      while (sent < totalBytes) {
        if (abortAfter !== undefined && sent >= abortAfter) {
          req.destroy();
          return;
        }
        const size = Math.min(piece.length, totalBytes - sent);
        sent += size;
        if (!req.write(piece.subarray(0, size))) {
          req.once('drain', writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

describe.each(testDatabases())('the npm start listener on $name', (database) => {
  let t: TestApp;
  let http: ServedApp;
  let token: string;
  let showId: string;
  let feedUrl: string;
  beforeAll(async () => {
    t = await openTestApp(database, { maxUploadBytes });
    http = await serveApp(t);
    token = await t.tokenFor('admin');
    showId = (await showWithLargeFeed(t, 'luisterpad', 3)).id;
    feedUrl = `${http.origin}/feeds/luisterpad.xml`;
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await t?.close();
  });

  describe('feed fast path', () => {
    it('answers as the Hono route does, byte for byte, in every encoding', async () => {
      // The first answer loads the feed (through the delivery's get); later ones come from memory.
      await httpGet(feedUrl);
      for (const acceptEncoding of ['br, gzip', 'gzip', 'identity', 'br;q=0, gzip;q=0']) {
        const fast = await httpGet(feedUrl, { 'accept-encoding': acceptEncoding });
        const hono = await t.app.request('/feeds/luisterpad.xml', {
          headers: { 'accept-encoding': acceptEncoding },
        });
        expect(fast.status).toBe(200);
        const honoBody = Buffer.from(await hono.arrayBuffer());
        expect(fast.body.equals(honoBody), acceptEncoding).toBe(true);
        for (const name of [
          'content-type',
          'etag',
          'last-modified',
          'cache-control',
          'vary',
          'content-encoding',
        ]) {
          expect(fast.headers[name] ?? null, `${acceptEncoding}: ${name}`).toBe(hono.headers.get(name));
        }
        expect(Number(fast.headers['content-length'])).toBe(fast.body.length);
      }
    });

    it('compresses the document the rebuild stored, and sends it whole without compression', async () => {
      const stored = await t.db.kysely
        .selectFrom('feed_documents')
        .select(['xml', 'etag'])
        .where('slug', '=', 'luisterpad')
        .executeTakeFirstOrThrow();
      const br = await httpGet(feedUrl, { 'accept-encoding': 'br' });
      const gzip = await httpGet(feedUrl, { 'accept-encoding': 'gzip' });
      const plain = await httpGet(feedUrl);
      expect(br.headers['content-encoding']).toBe('br');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(brotliDecompressSync(br.body).toString('utf8')).toBe(stored.xml);
      expect(gunzipSync(gzip.body).toString('utf8')).toBe(stored.xml);
      expect(plain.body.toString('utf8')).toBe(stored.xml);
      expect(plain.headers.etag).toBe(`"${stored.etag}"`);
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
      expect(plain.headers['access-control-allow-origin']).toBe('*');
    });

    it('answers 304 to a matching If-None-Match (alone, in a list, or *) and If-Modified-Since', async () => {
      const { headers } = await httpGet(feedUrl);
      const etag = String(headers.etag);
      for (const ifNoneMatch of [etag, `"other", ${etag}`, '*']) {
        const answer = await httpGet(feedUrl, { 'if-none-match': ifNoneMatch });
        expect(answer.status, ifNoneMatch).toBe(304);
        expect(answer.body.length).toBe(0);
        expect(answer.headers.etag).toBe(etag);
        expect(answer.headers['content-type']).toBeUndefined();
      }
      expect((await httpGet(feedUrl, { 'if-none-match': '"other"' })).status).toBe(200);
      const since = String(headers['last-modified']);
      expect((await httpGet(feedUrl, { 'if-modified-since': since })).status).toBe(304);
      // If-None-Match wins over If-Modified-Since (RFC 9110).
      expect(
        (await httpGet(feedUrl, { 'if-none-match': '"other"', 'if-modified-since': since })).status,
      ).toBe(200);
      const earlier = new Date(Date.parse(since) - 60_000).toUTCString();
      expect((await httpGet(feedUrl, { 'if-modified-since': earlier })).status).toBe(200);
    });

    it('answers HEAD with the headers and no body', async () => {
      const get = await httpGet(feedUrl, { 'accept-encoding': 'gzip' });
      const head = await httpGet(feedUrl, { 'accept-encoding': 'gzip' }, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-length']).toBe(String(get.body.length));
      expect(head.headers.etag).toBe(get.headers.etag);
    });

    it('leaves unknown feeds, old slugs and other methods to Hono', async () => {
      expect((await httpGet(`${http.origin}/feeds/bestaat-niet.xml`)).status).toBe(404);
      expect((await httpGet(`${http.origin}/feeds/luisterpad.rss`)).status).toBe(404);
      const other = await t.shows.create({
        ...minimalShow,
        slug: 'oude-luisternaam',
        categories: ['Government'],
      });
      await t.publishing.rebuildFeed(other.id);
      await t.worker.drain();
      expect((await httpGet(`${http.origin}/feeds/oude-luisternaam.xml`)).status).toBe(200);
      await t.call('PATCH', `/api/v1/shows/${other.id}`, { json: { slug: 'nieuwe-luisternaam' } });
      await t.worker.drain();
      // A process rechecks a feed it holds at most once a second (feed-delivery.ts).
      let moved = await httpGet(`${http.origin}/feeds/oude-luisternaam.xml`);
      const deadline = Date.now() + 3_000;
      while (moved.status === 200 && Date.now() < deadline) {
        await sleep(100);
        moved = await httpGet(`${http.origin}/feeds/oude-luisternaam.xml`);
      }
      expect(moved.status).toBe(301);
      expect(moved.headers.location).toBe('/feeds/nieuwe-luisternaam.xml');
      const post = await new Promise<number>((resolve, reject) => {
        const req = request(feedUrl, { method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(post).toBe(404);
    });

    it('serves a rebuilt feed within a second, to every poll', async () => {
      const before = await httpGet(feedUrl);
      await t.call('PATCH', `/api/v1/shows/${showId}`, { json: { title: 'Luisterpad, vernieuwd' } });
      await t.worker.drain();
      const agent = new Agent({ keepAlive: true, maxSockets: 10 });
      let answers: Awaited<ReturnType<typeof httpGet>>[] = [];
      const deadline = Date.now() + 5_000;
      do {
        await sleep(100);
        answers = await Promise.all(Array.from({ length: 10 }, () => httpGet(feedUrl, {}, { agent })));
      } while (answers.some((a) => a.headers.etag === before.headers.etag) && Date.now() < deadline);
      agent.destroy();
      for (const answer of answers) {
        expect(answer.headers.etag).not.toBe(before.headers.etag);
        expect(answer.body.toString('utf8')).toContain('Luisterpad, vernieuwd');
      }
    });
  });

  describe('audio upload from the socket', () => {
    async function newEpisode() {
      return (
        await (await t.call('POST', `/api/v1/shows/${showId}/episodes`, { json: { title: 'Upload' } })).json()
      ).id as string;
    }
    const auth = () => ({ authorization: `Bearer ${token}` });

    it('streams a chunked body to storage and answers 202 with the job', async () => {
      const id = await newEpisode();
      const answer = await putStream(
        `${http.origin}/api/v1/episodes/${id}/audio`,
        { ...auth(), 'content-type': 'audio/wav', 'x-filename': '../interview.wav' },
        700_000,
      );
      if (answer === 'aborted') throw new Error('aborted');
      expect(answer.status).toBe(202);
      const { jobId } = JSON.parse(answer.body);
      const episode = await (await t.call('GET', `/api/v1/episodes/${id}`)).json();
      expect(episode).toMatchObject({ status: 'processing', jobId });
      const blobs = await t.store.list(`episodes/${id}/`);
      expect(blobs.map((blob) => blob.size)).toEqual([700_000]);
      expect(blobs[0].key).toMatch(new RegExp(`^episodes/${id}/originals/[0-9a-f-]+\\.wav$`));
    });

    it('takes a body with Content-Length, and refuses one declared too large before reading it', async () => {
      const id = await newEpisode();
      const url = `${http.origin}/api/v1/episodes/${id}/audio`;
      const tooLarge = await putStream(
        url,
        { ...auth(), 'content-type': 'audio/mpeg', 'content-length': String(maxUploadBytes + 1) },
        0,
        0,
      );
      if (tooLarge !== 'aborted') expect(tooLarge.status).toBe(413);
      expect(await t.store.list(`episodes/${id}/`)).toEqual([]);
      const answer = await putStream(
        url,
        { ...auth(), 'content-type': 'audio/mpeg', 'content-length': '200000' },
        200_000,
      );
      if (answer === 'aborted') throw new Error('aborted');
      expect(answer.status).toBe(202);
      expect((await t.store.list(`episodes/${id}/`)).map((blob) => blob.size)).toEqual([200_000]);
    });

    it('answers 413 when a chunked body grows past the limit, keeping nothing', async () => {
      const id = await newEpisode();
      const answer = await putStream(
        `${http.origin}/api/v1/episodes/${id}/audio`,
        { ...auth(), 'content-type': 'audio/mpeg' },
        maxUploadBytes + 300_000,
      ).catch(() => 'aborted' as const);
      // The server may answer and close before the client has sent everything.
      if (answer !== 'aborted') expect(answer.status).toBe(413);
      await sleep(200);
      expect(await t.store.list(`episodes/${id}/`)).toEqual([]);
      expect((await (await t.call('GET', `/api/v1/episodes/${id}`)).json()).status).toBe('draft');
    });

    it('leaves the episode as it was and stores nothing when the client goes away mid-upload', async () => {
      const id = await newEpisode();
      const answer = await putStream(
        `${http.origin}/api/v1/episodes/${id}/audio`,
        { ...auth(), 'content-type': 'audio/mpeg' },
        900_000,
        200_000,
      );
      expect(answer).toBe('aborted');
      const deadline = Date.now() + 5_000;
      let left = await t.store.list(`episodes/${id}/`);
      while (left.length > 0 && Date.now() < deadline) {
        await sleep(100);
        left = await t.store.list(`episodes/${id}/`);
      }
      expect(left).toEqual([]);
      expect(await (await t.call('GET', `/api/v1/episodes/${id}`)).json()).toMatchObject({
        status: 'draft',
        jobId: null,
      });
      // The process is still answering.
      expect((await httpGet(`${http.origin}/healthz`)).status).toBe(200);
    });

    it('refuses an upload without a token before reading it', async () => {
      const id = await newEpisode();
      const answer = await putStream(
        `${http.origin}/api/v1/episodes/${id}/audio`,
        { 'content-type': 'audio/mpeg' },
        100_000,
      );
      if (answer === 'aborted') throw new Error('aborted');
      expect(answer.status).toBe(401);
      expect(await t.store.list(`episodes/${id}/`)).toEqual([]);
    });
  });
});
