import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildFeed } from './build-feed.js';
import type { FeedEpisode } from './feed-input.js';
import { testEpisode, testShow, wellFormedProblems } from './test-support.js';

/** rss-parser's types only know a few fields; everything else it copies through untyped. */
type Fields = Record<string, any>;

const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const show = testShow({ newFeedUrl: 'https://nieuw.example/feed.xml' });
const episodes: FeedEpisode[] = [
  testEpisode(1, { type: 'trailer', number: undefined, season: 2 }),
  testEpisode(3, {
    explicit: true,
    imageUrl: 'https://zender.example/media/mensenrechten-dichtbij/aflevering-3.jpg',
    transcripts: [
      { url: 'https://zender.example/t/3.vtt', type: 'text/vtt', language: 'nl' },
      { url: 'https://zender.example/t/3.srt', type: 'application/x-subrip', language: 'nl' },
      { url: 'https://zender.example/t/3.json', type: 'application/json', language: 'nl' },
      { url: 'https://zender.example/t/3.html', type: 'text/html', language: 'nl' },
      { url: 'https://zender.example/t/3-en.txt', type: 'text/plain', language: 'en' },
    ],
    chaptersUrl: 'https://zender.example/media/mensenrechten-dichtbij/aflevering-3/chapters.json',
    persons: [
      { name: 'Anne de Vries', role: 'host' },
      { name: 'Wethouder Jansen', role: 'guest', group: 'cast', img: 'https://zender.example/p/j.jpg' },
    ],
    soundbites: [{ startSeconds: 73, durationSeconds: 60.25, title: 'Waarom het ertoe doet' }],
  }),
  testEpisode(2, { type: 'bonus', number: 2.5 }),
];
const xml = buildFeed(show, episodes);

describe('buildFeed: RSS 2.0 and Apple', () => {
  it('is well-formed XML with the itunes, podcast and atom namespaces', () => {
    expect(wellFormedProblems(xml)).toEqual([]);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss /);
    expect(xml).toContain('version="2.0"');
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    expect(xml).toContain('xmlns:podcast="https://podcastindex.org/namespace/1.0"');
    expect(xml).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(xml).not.toContain('xmlns:psc');
  });

  it('has the channel tags Apple requires and recommends', async () => {
    const feed = await new Parser<Fields, Fields>({
      customFields: { feed: ['itunes:type', 'itunes:new-feed-url'] },
    }).parseString(xml);
    expect(feed.title).toBe(show.title);
    expect(feed.description).toBe(show.description);
    expect(feed.link).toBe(show.link);
    expect(feed.language).toBe('nl');
    expect(feed.copyright).toBe('© 2025 VNG');
    expect(feed.feedUrl).toBe(show.feedUrl);
    expect(feed.image).toEqual({ url: show.imageUrl, title: show.title, link: show.link });
    expect(feed.itunes).toMatchObject({
      image: show.imageUrl,
      author: show.author,
      owner: { name: 'Redactie', email: 'podcast@zender.example' },
      explicit: 'false',
      summary: 'Gesprekken met gemeenten over mensenrechten.',
      categoriesWithSubs: [
        { name: 'Government', subs: null },
        { name: 'Society & Culture', subs: [{ name: 'Documentary' }] },
      ],
    });
    expect(feed['itunes:type']).toBe('episodic');
    expect(feed['itunes:new-feed-url']).toBe('https://nieuw.example/feed.xml');
    expect(feed.pubDate).toMatch(RFC_2822);
    expect(feed.lastBuildDate).toBe('Sat, 01 Mar 2025 12:00:00 GMT');
    expect(xml).toContain(
      '<atom:link href="https://zender.example/feeds/mensenrechten-dichtbij.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(xml).toContain(
      '<itunes:category text="Society &amp; Culture"><itunes:category text="Documentary"/></itunes:category>',
    );
  });

  it('has the episode tags Apple requires and recommends', async () => {
    const feed = await new Parser<Fields, Fields>({ customFields: { item: ['itunes:title'] } }).parseString(
      xml,
    );
    const item = feed.items.find((i) => i.guid === episodes[1].guid)!;
    expect(item.title).toBe('Aflevering 3');
    expect(item['itunes:title']).toBe('Aflevering 3');
    expect(item.link).toBe(episodes[1].link);
    expect(item.pubDate).toBe('Sat, 04 Jan 2025 00:00:00 GMT');
    expect(item.enclosure).toEqual({
      url: episodes[1].enclosure.url,
      length: '12345681',
      type: 'audio/mpeg',
    });
    expect(item.content).toBe('<p>Beschrijving van aflevering 3.</p>');
    expect(item.itunes).toMatchObject({
      duration: '1803',
      episode: '3',
      season: '1',
      episodeType: 'full',
      explicit: 'true',
      image: episodes[1].imageUrl,
      summary: 'Samenvatting 3',
    });
    expect(xml).toContain(`<guid isPermaLink="false">${episodes[1].guid}</guid>`);
  });

  it('gives trailer and bonus their episodeType, and a decimal episode number only to podcast:episode', async () => {
    const feed = await new Parser().parseString(xml);
    const [, bonus, trailer] = feed.items;
    expect(trailer.itunes).toMatchObject({ episodeType: 'trailer', season: '2' });
    expect(trailer.itunes.episode).toBeUndefined();
    expect(bonus.itunes).toMatchObject({ episodeType: 'bonus' });
    expect(bonus.itunes.episode).toBeUndefined();
    expect(xml).toContain('<podcast:episode>2.5</podcast:episode>');
  });

  it('orders items newest first, whatever the input order', async () => {
    const shuffled = [5, 2, 9, 1, 7].map((n) => testEpisode(n));
    const feed = await new Parser().parseString(buildFeed(show, shuffled));
    expect(feed.items.map((item) => item.title)).toEqual([9, 7, 5, 2, 1].map((n) => `Aflevering ${n}`));
  });

  it('builds the same bytes twice (no wall-clock time in the output)', () => {
    expect(buildFeed(show, [...episodes].reverse())).toBe(xml);
  });

  it('emits only what is given', () => {
    const bare = buildFeed(
      testShow({
        imageUrl: undefined,
        copyright: undefined,
        license: undefined,
        funding: [],
        persons: [],
        txtVerify: undefined,
        medium: undefined,
        newFeedUrl: undefined,
      }),
      [testEpisode(1, { season: undefined, number: undefined, summary: undefined, description: undefined })],
    );
    expect(wellFormedProblems(bare)).toEqual([]);
    const [channel, item] = bare.split('<item>');
    for (const tag of [
      '<image>',
      '<itunes:image',
      '<copyright>',
      '<podcast:license',
      '<podcast:funding',
      '<podcast:person',
      '<podcast:txt',
      '<podcast:trailer',
      '<itunes:new-feed-url',
    ]) {
      expect(channel, tag).not.toContain(tag);
    }
    for (const tag of [
      '<itunes:image',
      '<podcast:transcript',
      '<podcast:chapters',
      '<podcast:soundbite',
      '<podcast:season',
      '<podcast:episode',
      '<itunes:season',
      '<itunes:episode>',
      '<itunes:summary',
      '<description',
      '<podcast:person',
    ]) {
      expect(item, tag).not.toContain(tag);
    }
    expect(bare).toContain('<podcast:medium>podcast</podcast:medium>');
    // An empty channel has no newest episode: no pubDate, lastBuildDate from the show.
    const empty = buildFeed(testShow(), []);
    expect(empty).not.toContain('<pubDate>');
    expect(empty).toContain('<lastBuildDate>Sat, 01 Mar 2025 12:00:00 GMT</lastBuildDate>');
  });

  it('refuses an invalid date instead of publishing "Invalid Date"', () => {
    expect(() => buildFeed(show, [testEpisode(1, { publishedAt: new Date('nope') })])).toThrow(RangeError);
  });

  it('builds a 10,000-episode feed', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => testEpisode(i + 1));
    const big = buildFeed(show, many);
    expect(big.split('<item>').length - 1).toBe(10_000);
    expect(big.indexOf('<item>')).toBe(big.indexOf('<item><title><![CDATA[Aflevering 10000]]></title>'));
    expect(big.endsWith('</item></channel></rss>')).toBe(true);
  });
});

describe('buildFeed: Podcasting 2.0', () => {
  const feed = parseFeed(xml);
  if (!feed) throw new Error('podcast-partytime rejected the feed');

  it('has the channel tags with the right attributes', () => {
    expect(feed.guid).toBe(show.guid);
    expect(feed.medium).toBe('podcast');
    expect(feed.locked).toBe(true);
    expect(feed.podcastOwner).toBe('podcast@zender.example');
    expect(feed.license).toMatchObject({ identifier: 'cc-by-4.0' });
    expect(xml).toContain('<podcast:license>cc-by-4.0</podcast:license>');
    expect(feed.podcastFunding).toEqual([{ url: 'https://zender.example/steun', message: 'Steun ons' }]);
    expect(feed.podcastPeople).toEqual([
      {
        name: 'Anne de Vries',
        role: 'Host',
        group: 'Cast',
        img: 'https://zender.example/p/anne.jpg',
        href: 'https://vng.nl',
      },
    ]);
    expect(feed.podcastTxt).toEqual([{ purpose: 'verify', value: 'S6lpp-7ZCn8-dZfGc-OoyaG' }]);
    expect(feed.trailers).toEqual([
      {
        title: 'Aflevering 1',
        url: episodes[0].enclosure.url,
        pubdate: episodes[0].publishedAt,
        length: episodes[0].enclosure.length,
        type: 'audio/mpeg',
        season: 2,
      },
    ]);
    expect(xml).toContain('<podcast:locked owner="podcast@zender.example">yes</podcast:locked>');
    expect(xml).toContain('<podcast:txt purpose="verify">S6lpp-7ZCn8-dZfGc-OoyaG</podcast:txt>');
  });

  it('writes a custom license with its url', () => {
    const custom = buildFeed(
      testShow({ license: { name: 'vng-licentie', url: 'https://vng.nl/licentie' } }),
      [],
    );
    expect(parseFeed(custom)?.license).toEqual({
      identifier: 'vng-licentie',
      url: 'https://vng.nl/licentie',
    });
  });

  it('has the item tags with the right attributes', () => {
    const item = feed.items.find((i) => i.guid === episodes[1].guid)!;
    expect(item.podcastTranscripts).toEqual([
      { url: 'https://zender.example/t/3.vtt', type: 'text/vtt', language: 'nl', rel: 'captions' },
      // podcast-partytime reports application/x-subrip (the spec's type, which we write) as application/srt.
      { url: 'https://zender.example/t/3.srt', type: 'application/srt', language: 'nl', rel: 'captions' },
      { url: 'https://zender.example/t/3.json', type: 'application/json', language: 'nl', rel: 'captions' },
      { url: 'https://zender.example/t/3.html', type: 'text/html', language: 'nl' },
      { url: 'https://zender.example/t/3-en.txt', type: 'text/plain', language: 'en' },
    ]);
    expect(item.podcastChapters).toEqual({ url: episodes[1].chaptersUrl, type: 'application/json+chapters' });
    expect(item.podcastSoundbites).toEqual([
      { startTime: 73, duration: 60.25, title: 'Waarom het ertoe doet' },
    ]);
    expect(item.podcastSeason).toEqual({ number: 1 });
    expect(item.podcastEpisode).toEqual({ number: 3 });
    expect(item.podcastPeople).toEqual([
      { name: 'Anne de Vries', role: 'Host', group: 'Cast' },
      { name: 'Wethouder Jansen', role: 'Guest', group: 'Cast', img: 'https://zender.example/p/j.jpg' },
    ]);
    expect(xml).toContain(
      '<podcast:transcript url="https://zender.example/t/3.srt" type="application/x-subrip" language="nl" rel="captions"/>',
    );
    expect(xml).toContain(
      '<podcast:soundbite startTime="73" duration="60.25">Waarom het ertoe doet</podcast:soundbite>',
    );
  });
});

describe('buildFeed: WebSub', () => {
  it('names the hub next to rel="self" when one is configured, and nothing otherwise', async () => {
    const hub = 'https://hub.example/?a=1&b=2';
    const withHub = buildFeed(testShow({ hubUrl: hub }), episodes);
    expect(wellFormedProblems(withHub)).toEqual([]);
    expect(withHub).toContain(
      '<atom:link href="https://zender.example/feeds/mensenrechten-dichtbij.xml" rel="self" type="application/rss+xml"/><atom:link href="https://hub.example/?a=1&amp;b=2" rel="hub"/>',
    );
    // Readers that take the first atom:link as the feed's own address still find rel="self".
    expect((await new Parser().parseString(withHub)).feedUrl).toBe(show.feedUrl);
    expect(xml).not.toContain('rel="hub"');
  });
});
