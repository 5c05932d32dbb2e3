import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { makeAudio } from './make-audio.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'feeds');

export interface FeedFixtureServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  feedUrl(name: string): string;
  /** sha256 of each served recording by name, to prove bytes arrive unchanged. */
  sha256: Record<string, string>;
  /** Paths asked for, in order (redirect hops included). */
  requests: string[];
  /** Replace what a path answers (a feed that changed between two imports). */
  override(pathname: string, body: string | null): void;
  close(): Promise<void>;
}

/**
 * The hosts a podcast moves from, on 127.0.0.1: the fixture feeds (with {{BASE}} and
 * {{HOSTPORT}} filled in), generated MP3s, enclosures behind redirects, artwork without an
 * extension, chapters and a transcript, a 404, an HTML page where audio should be, garbage
 * bytes called audio/mpeg, an endless "feed" and a feed that never finishes.
 */
export async function startFeedFixtureServer(): Promise<FeedFixtureServer> {
  const mp3 = (name: string, seconds: number) =>
    readFileSync(
      makeAudio(name, { seconds, speechLike: true, codec: ['-c:a', 'libmp3lame', '-b:a', '64k'] }),
    );
  const audio: Record<string, Buffer> = {
    'ep1.mp3': mp3('ep1.mp3', 6),
    'trailer.mp3': mp3('trailer.mp3', 4),
    'markt.mp3': mp3('markt.mp3', 6),
    'deel-1.mp3': mp3('deel-1.mp3', 8),
    'fake.mp3': randomBytes(4096),
  };
  const sha256 = Object.fromEntries(
    Object.entries(audio).map(([name, data]) => [name, createHash('sha256').update(data).digest('hex')]),
  );
  const cover = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#1f5f8b' } })
    .jpeg()
    .toBuffer();
  const coverPng = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#8b1f5f' } })
    .png()
    .toBuffer();
  const overrides = new Map<string, string | null>();
  const requests: string[] = [];
  let origin = '';

  const fill = (text: string) =>
    text.replaceAll('{{BASE}}', origin).replaceAll('{{HOSTPORT}}', origin.slice(7));
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) =>
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const p = url.pathname;
    requests.push(p);
    if (overrides.has(p)) {
      const body = overrides.get(p);
      return body === null
        ? send(res, 404, 'text/plain', 'weg')
        : send(res, 200, 'application/rss+xml', fill(body!));
    }
    const file = /^\/(?:audio|feeds\/media)\/([\w.-]+)$/.exec(p);
    if (file && audio[file[1]]) {
      // Hosts often answer with a generic type; the bytes are what count.
      const type = file[1] === 'trailer.mp3' ? 'application/octet-stream' : 'audio/mpeg';
      return send(res, 200, type, audio[file[1]]);
    }
    if (p.startsWith('/feeds/')) {
      const name = path.basename(p);
      try {
        return send(res, 200, 'application/rss+xml', fill(readFileSync(path.join(fixtures, name), 'utf8')));
      } catch {
        return send(res, 404, 'text/plain', 'no such feed');
      }
    }
    const redirect = /^\/redirect\/(\d+)\/(.+)$/.exec(p);
    if (redirect) {
      const left = Number(redirect[1]);
      const next = left > 1 ? `/redirect/${left - 1}/${redirect[2]}` : `${origin}/audio/${redirect[2]}`;
      return res.writeHead(302, { location: next }).end();
    }
    if (p === '/art/cover-no-extension' || p === '/art/episode1')
      return send(res, 200, 'application/octet-stream', cover);
    if (p === '/art/cover.png') return send(res, 200, 'image/png', coverPng);
    if (p === '/chapters/deel-1.json')
      return send(
        res,
        200,
        'application/json+chapters',
        JSON.stringify({
          version: '1.2.0',
          chapters: [
            { startTime: 0, title: 'Begin' },
            { startTime: 4, title: 'De kaart' },
          ],
        }),
      );
    if (p === '/transcripts/deel-1.vtt')
      return send(
        res,
        200,
        'text/vtt',
        'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Anna>Welkom bij het archief.\n',
      );
    if (p === '/website' || p === '/archief')
      return send(res, 200, 'text/html', '<html><body>Website</body></html>');
    if (p === '/endless.xml') {
      // A "feed" of 500 MB, streamed: only a cap while reading keeps memory whole.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Groot</title><description>');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 500 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</description></channel></rss>');
      };
      res.on('close', () => {
        sent = Number.POSITIVE_INFINITY;
      });
      return pump();
    }
    if (p === '/never-ends.xml') {
      // Headers and a start, then a byte now and then, forever.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Traag</title>');
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    return send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrl: (name) => `${origin}/feeds/${name}`,
    sha256,
    requests,
    override: (pathname, body) => void overrides.set(pathname, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
