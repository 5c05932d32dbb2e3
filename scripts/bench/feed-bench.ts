import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildFeed } from '../../src/feeds/build-feed.js';
import { createHtmlCleaner } from '../../src/feeds/clean-html.js';
import type { FeedEpisode, FeedShow } from '../../src/feeds/feed-input.js';
import { createNodeListener } from '../../src/http/node-listener.js';
import { weightedLength } from '../../src/social/weighted-length.js';
import { benchContainer } from './bench-container.js';
import { line, ratio, requestsPerSecond } from './load.js';

function show(): FeedShow {
  return {
    title: 'Mensenrechten dichtbij',
    description: '<p>Gesprekken met gemeenten over mensenrechten.</p>',
    link: 'https://example.nl',
    feedUrl: 'https://example.nl/feeds/bench.xml',
    language: 'nl',
    author: 'Kennisplatform',
    owner: { name: 'Redactie', email: 'podcast@example.nl' },
    categories: ['Government'],
    explicit: false,
    type: 'episodic',
    locked: true,
    guid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
    funding: [],
    persons: [],
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  };
}

function episodes(count: number): FeedEpisode[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `guid-${i}`,
    title: `Aflevering ${i}: wethouder over armoede & participatie`,
    link: `https://example.nl/shows/bench/aflevering-${i}`,
    summary: 'Een gesprek over armoedebeleid in de gemeente, met voorbeelden uit de praktijk.',
    description:
      '<p>Een gesprek over <strong>armoedebeleid</strong> in de gemeente.</p><ul><li>Schulden</li><li>Participatie</li></ul>',
    publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000),
    enclosure: {
      url: `https://example.nl/media/bench/aflevering-${i}.mp3`,
      type: 'audio/mpeg',
      length: 25_000_000 + i,
    },
    durationSeconds: 1800 + i,
    season: 1,
    number: i + 1,
    type: 'full' as const,
    explicit: false,
    transcripts: [],
    persons: [{ name: 'Jan Jansen', role: 'guest' }],
    soundbites: [],
  }));
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Feed serving throughput against bare node:http with the same bytes, and 10,000-episode build time. */
export async function feedBench(): Promise<void> {
  // As in the app, where social drafts are measured in the same process: if twitter-text's
  // core-js ever reached the process again, regex replaces would slow and this ratio show it.
  weightedLength('Nieuwe aflevering: https://example.nl');
  const items = episodes(10_000);
  // The publisher's cleaner lives as long as the publisher, so a rebuild finds its descriptions
  // cleaned already; one warm-up build, then the median of five interleaved pairs, so a load
  // spike on a shared machine hits both sides instead of one.
  const cleanHtml = createHtmlCleaner();
  buildFeed(show(), items, { cleanHtml });
  const jsonTimes: number[] = [];
  const buildTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    jsonTimes.push(timed(() => JSON.stringify(items)));
    buildTimes.push(timed(() => buildFeed(show(), items, { cleanHtml })));
  }
  const jsonMs = median(jsonTimes);
  const buildMs = median(buildTimes);
  line(
    'build 10,000-episode feed vs JSON.stringify',
    `${buildMs.toFixed(0)} ms`,
    `${jsonMs.toFixed(0)} ms`,
    ratio(buildMs, jsonMs),
    '<= 10',
  );

  const bench = await benchContainer();
  try {
    await bench.publishedShowWithEpisodes('bench', 1000);
    // The same listener `npm start` uses.
    const server = createServer(createNodeListener(bench.app.fetch, bench.feedDelivery));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const feedUrl = `http://127.0.0.1:${port}/feeds/bench.xml`;
    const first = await fetch(feedUrl);
    const bytes = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag') ?? '';

    const bare = createServer((req, res) => {
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        'content-length': bytes.length,
        etag,
      });
      res.end(bytes);
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as AddressInfo).port;

    const ours = await requestsPerSecond(feedUrl);
    const baseline = await requestsPerSecond(`http://127.0.0.1:${barePort}/`);
    line(
      `feed, 1,000 episodes (${Math.round(bytes.length / 1024)} KiB), 200`,
      `${ours.toFixed(0)} req/s`,
      `${baseline.toFixed(0)} req/s`,
      ratio(ours, baseline),
      '>= 0.8',
    );
    const ours304 = await requestsPerSecond(feedUrl, { headers: { 'if-none-match': etag } });
    const bare304 = await requestsPerSecond(`http://127.0.0.1:${barePort}/`, {
      headers: { 'if-none-match': etag },
    });
    line(
      'feed, 304 Not Modified',
      `${ours304.toFixed(0)} req/s`,
      `${bare304.toFixed(0)} req/s`,
      ratio(ours304, bare304),
      '>= 0.8',
    );
    server.close();
    bare.close();
  } finally {
    await bench.close();
  }
}
