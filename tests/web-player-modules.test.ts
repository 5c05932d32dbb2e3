import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cueEveryTwoSeconds, publishedAudioEpisode } from './helpers/published-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';
import { withWebRoutes } from './helpers/web-app.js';

// The player is a few ES modules the browser imports from zender; the database plays no part,
// so one is enough (tests/web-routes.test.ts runs the pages on every dialect).
describe('the player as ES modules', () => {
  let t: TestApp;
  let app: Hono;
  let episodeId: string;
  const get = (path: string, headers: Record<string, string> = {}) =>
    app.request(`http://zender.test${path}`, { headers });

  beforeAll(async () => {
    t = await openTestApp(testDatabases()[0]);
    app = withWebRoutes(t);
    const show = await publishableShow(t, { slug: 'modules' });
    const episode = await publishedAudioEpisode(
      t,
      show.id,
      { title: 'Modules' },
      { seconds: 6, chapters: '0:00 Intro\n0:03 Gesprek', transcriptVtt: cueEveryTwoSeconds(6) },
    );
    episodeId = episode.id;
  });
  afterAll(async () => t.close());

  it('serves the entry and every module it imports hashed, immutable, compressed, and within the 30 KB budget', async () => {
    const page = await get(`/embed/episodes/${episodeId}`);
    const html = await page.text();
    const entry = /<script type="module" src="http:\/\/zender\.test(\/assets\/player-\w+\.js)"/.exec(
      html,
    )![1];
    const styles = [
      ...html.matchAll(/<link rel="stylesheet" href="http:\/\/zender\.test(\/assets\/[^"]+)"/g),
    ];
    let transferred = gzipSync(html).length;
    for (const [, path] of styles)
      transferred += (await (await get(path, { 'accept-encoding': 'gzip' })).arrayBuffer()).byteLength;

    // Follow the imports as the browser does: each names the next by its hashed name.
    const seen = new Set<string>();
    const queue = [entry];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const plain = await get(path, { origin: 'http://another-name.test' });
      expect(plain.status, path).toBe(200);
      expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // A module is fetched with CORS: a page reached through another host name still loads it.
      expect(plain.headers.get('access-control-allow-origin')).toBe('*');
      const text = await plain.text();
      for (const [, name] of text.matchAll(/\b(?:from|import)\s*'\.\/([^']+)'/g)) {
        expect(name, `${path} imports a hashed name`).toMatch(/^[a-z-]+-\w{10}\.js$/);
        queue.push(`/assets/${name}`);
      }
      const zipped = await get(path, { 'accept-encoding': 'gzip' });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      transferred += (await zipped.arrayBuffer()).byteLength;
    }
    expect([...seen].map((path) => path.replace(/-\w{10}\.js$/, '.js')).sort()).toEqual([
      '/assets/player-format.js',
      '/assets/player.js',
      '/assets/setup-player.js',
      '/assets/transcript-cues.js',
      '/assets/transcript-search.js',
    ]);
    expect(transferred).toBeLessThan(30 * 1024);
    // Named in the page's Link header, so the browser fetches them together, not level by level.
    const preloaded = [
      ...page.headers.get('link')!.matchAll(/<http:\/\/zender\.test([^>]+)>; rel=modulepreload/g),
    ];
    expect(preloaded.map((match) => match[1]).sort()).toEqual(
      [...seen].filter((path) => path !== entry).sort(),
    );
  });
});
