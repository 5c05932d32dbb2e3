/**
 * itunes:block, itunes:complete, podcast:license, podcast:location, podcast:podroll and
 * podcast:updateFrequency, read back with two independent parsers: rss-parser (xml2js/sax) and
 * podcast-partytime (fast-xml-parser).
 */
import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildFeed } from './build-feed.js';
import { testEpisode, testShow, wellFormedProblems } from './test-support.js';

type Raw = { _?: string; $?: Record<string, string> } | string;
const textOf = (element: Raw) => (typeof element === 'string' ? element : (element._ ?? ''));

const podroll = [
  {
    feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
    feedUrl: 'https://feeds.podcastindex.org/pc20.xml',
    title: 'Podcasting 2.0',
  },
  { feedGuid: '29cdca4a-32d8-56ba-b48b-09a011c5daa9' },
];
const show = testShow({
  block: true,
  complete: true,
  license: { name: 'cc-by-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' },
  location: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
  podroll,
  updateFrequency: {
    text: 'Elke twee weken op maandag',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10',
    dtstart: '2026-09-07',
  },
});
const xml = buildFeed(show, [testEpisode(1)]);
const channelOf = (feed: string) => feed.split('<item>')[0];

const parser = new Parser<Record<string, any>>({
  customFields: {
    // rss-parser's types allow only names for feed fields; at run time it takes the same tuples as
    // for items, and keepArray keeps an element's attributes.
    feed: [
      'itunes:block',
      'itunes:complete',
      'podcast:podroll',
      ['podcast:location', 'location', { keepArray: true }],
      ['podcast:updateFrequency', 'updateFrequency', { keepArray: true }],
    ] as unknown as string[],
  },
});

describe('buildFeed: Apple block and complete', () => {
  it('writes both as "Yes" when set, which both parsers read as set', async () => {
    expect(wellFormedProblems(xml)).toEqual([]);
    expect(channelOf(xml)).toContain('<itunes:block>Yes</itunes:block>');
    expect(channelOf(xml)).toContain('<itunes:complete>Yes</itunes:complete>');
    const feed = await parser.parseString(xml);
    expect(feed['itunes:block']).toBe('Yes');
    expect(feed['itunes:complete']).toBe('Yes');
    expect(parseFeed(xml)).toMatchObject({ itunesBlock: true, itunesComplete: true });
  });

  it('leaves both out when not set (Apple reads only "Yes")', () => {
    const plain = buildFeed(testShow({ block: false, complete: false }), []);
    expect(plain).not.toContain('itunes:block');
    expect(plain).not.toContain('itunes:complete');
    expect(parseFeed(plain)).toMatchObject({ itunesBlock: false, itunesComplete: false });
  });
});

describe('buildFeed: Podcasting 2.0 channel tags', () => {
  const feed = parseFeed(xml);
  if (!feed) throw new Error('podcast-partytime rejected the feed');

  it('writes the license id with its SPDX page', () => {
    expect(xml).toContain(
      '<podcast:license url="https://spdx.org/licenses/CC-BY-4.0.html">cc-by-4.0</podcast:license>',
    );
    expect(feed.license).toEqual({
      identifier: 'cc-by-4.0',
      url: 'https://spdx.org/licenses/CC-BY-4.0.html',
    });
  });

  it('writes the location with its geo URI, OSM id and country', async () => {
    expect(channelOf(xml)).toContain(
      '<podcast:location geo="geo:52.3676,4.9041" osm="R271110" country="nl">Amsterdam</podcast:location>',
    );
    expect(feed.podcastLocation).toEqual({ name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110' });
    const read = await parser.parseString(xml);
    expect(read.location[0]).toEqual({
      _: 'Amsterdam',
      $: { geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
    });
  });

  it('writes the podroll as remote items with the guid first', async () => {
    expect(channelOf(xml)).toContain(
      '<podcast:podroll><podcast:remoteItem feedGuid="917393e3-1b1e-5cef-ace4-edaa54e1f810" feedUrl="https://feeds.podcastindex.org/pc20.xml" title="Podcasting 2.0"/><podcast:remoteItem feedGuid="29cdca4a-32d8-56ba-b48b-09a011c5daa9"/></podcast:podroll>',
    );
    expect(feed.podroll).toEqual(podroll);
    const read = await parser.parseString(xml);
    expect(read['podcast:podroll']['podcast:remoteItem'].map((item: { $: unknown }) => item.$)).toEqual(
      podroll,
    );
  });

  it('writes the update frequency with its rule and start', async () => {
    expect(channelOf(xml)).toContain(
      '<podcast:updateFrequency rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10" dtstart="2026-09-07">Elke twee weken op maandag</podcast:updateFrequency>',
    );
    // podcast-partytime 5 does not read podcast:updateFrequency; rss-parser reads it raw.
    const read = await parser.parseString(xml);
    expect(read.updateFrequency[0]).toEqual({
      _: 'Elke twee weken op maandag',
      $: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=10', dtstart: '2026-09-07' },
    });
    const done = buildFeed(testShow({ updateFrequency: { text: 'Afgerond', complete: true } }), []);
    expect(done).toContain('<podcast:updateFrequency complete="true">Afgerond</podcast:updateFrequency>');
  });

  it('leaves each tag out when it is not given, and a location or schedule without text too', () => {
    const bare = buildFeed(
      testShow({ location: { name: '  ', geo: 'geo:1,2' }, podroll: [], updateFrequency: { text: '' } }),
      [],
    );
    for (const tag of ['podcast:location', 'podcast:podroll', 'podcast:updateFrequency']) {
      expect(bare, tag).not.toContain(tag);
    }
  });

  it('escapes hostile text in the location, the schedule and the podroll titles', async () => {
    const hostile = 'Markt ]]> & <Kerk> "plein"\u0001\u000B\uFFFE \'t Hof';
    const expected = 'Markt ]]> & <Kerk> "plein" \'t Hof';
    const out = buildFeed(
      testShow({
        location: { name: hostile },
        updateFrequency: { text: hostile },
        podroll: [{ feedGuid: podroll[0].feedGuid, title: `${hostile}\nregel` }],
      }),
      [],
    );
    expect(wellFormedProblems(out)).toEqual([]);
    const read = await parser.parseString(out);
    expect(textOf(read.location[0])).toBe(expected);
    expect(textOf(read.updateFrequency[0])).toBe(expected);
    // In an attribute a line end becomes a space, as a parser would make it anyway.
    expect(read['podcast:podroll']['podcast:remoteItem'][0].$.title).toBe(`${expected} regel`);
    const party = parseFeed(out);
    expect(party?.podcastLocation?.name).toContain(']]>');
    expect(party?.podroll?.[0].feedGuid).toBe(podroll[0].feedGuid);
  });
});
