import { Podcast } from 'podcast';
import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { wellFormedProblems } from './test-support.js';
import { writePodcastXml } from './write-podcast-xml.js';

const HOSTILE = 'Jansen & Zn <script>alert("x")</script> ]]> \u0001\uD800 👩‍👩‍👧';
const CLEAN = 'Jansen & Zn <script>alert("x")</script> ]]>  👩‍👩‍👧';

function podcast() {
  const feed = new Podcast({
    title: HOSTILE,
    description: HOSTILE,
    siteUrl: 'https://zender.example/?a=1&b=2',
    feedUrl: 'https://zender.example/feed.xml',
    imageUrl: 'https://zender.example/art.jpg',
    generator: 'zender',
    namespaces: { iTunes: true, podcast: true, simpleChapters: false },
    customElements: [
      { 'podcast:locked': [{ _attr: { owner: 'a@zender.example', unused: undefined } }, 'yes'] },
      { 'podcast:txt': ['verify-me', { _attr: { purpose: 'verify' } }] },
    ],
  });
  feed.addItem({
    title: HOSTILE,
    description: HOSTILE,
    url: 'https://zender.example/e/1',
    guid: 'guid-1',
    date: new Date('2025-01-02T03:04:05Z'),
    enclosure: { url: 'https://zender.example/e/1.mp3', size: 1234 },
    itunesExplicit: false,
    customElements: [
      { 'podcast:person': [{ _attr: { role: 'guest', href: `https://x.example/?q=${HOSTILE}` } }, HOSTILE] },
    ],
  });
  feed.addItem({ title: '', url: 'https://zender.example/e/2', date: new Date('2025-01-01T00:00:00Z') });
  return feed;
}

describe('writePodcastXml', () => {
  const xml = writePodcastXml(podcast(), new Date('2025-02-01T00:00:00Z'));

  it('writes well-formed XML whatever the text, with no forbidden characters left', () => {
    expect(wellFormedProblems(xml)).toEqual([]);
  });

  it('writes what the Podcast holds, read back by rss-parser', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe(CLEAN);
    expect(feed.lastBuildDate).toBe('Sat, 01 Feb 2025 00:00:00 GMT');
    expect(feed.image).toEqual({
      url: 'https://zender.example/art.jpg',
      title: CLEAN,
      link: 'https://zender.example/?a=1&b=2',
    });
    const [first, second] = feed.items;
    expect(first).toMatchObject({ title: CLEAN, guid: 'guid-1', pubDate: 'Thu, 02 Jan 2025 03:04:05 GMT' });
    expect(first.enclosure).toEqual({ url: 'https://zender.example/e/1.mp3', length: '1234' });
    // rss's rules for an item without a title or guid: "No title", and the link as a permalink guid.
    expect(second).toMatchObject({ title: 'No title', guid: 'https://zender.example/e/2' });
    expect(xml).toContain('<guid isPermaLink="true">https://zender.example/e/2</guid>');
  });

  it('writes custom elements with their attributes wherever the list has them, leaving out absent ones', () => {
    const feed = parseFeed(xml);
    expect(feed?.locked).toBe(true);
    expect(xml).toContain('<podcast:locked owner="a@zender.example">yes</podcast:locked>');
    expect(xml).toContain('<podcast:txt purpose="verify">verify-me</podcast:txt>');
    expect(feed?.items[0].podcastPeople?.[0]).toMatchObject({ role: 'Guest' }); // partytime capitalises the role
  });

  it('does not depend on the clock', () => {
    expect(writePodcastXml(podcast(), new Date('2025-02-01T00:00:00Z'))).toBe(xml);
  });
});
