import { describe, expect, it } from 'vitest';
import { buildFeed } from '../feeds/build-feed.js';
import { testEpisode, testShow } from '../feeds/test-support.js';
import { type ExpectedItem, readBackFeed } from './feed-readback.js';

const episodes = [1, 2, 3].map((n) => testEpisode(n));
const xml = buildFeed(testShow(), episodes);
const expected: ExpectedItem[] = episodes.map((episode, i) => ({
  episodeId: `e${i + 1}`,
  title: episode.title,
  guid: episode.guid,
  enclosureUrl: episode.enclosure.url,
}));

describe('readBackFeed (podcast-partytime as the independent reader)', () => {
  it('finds nothing wrong with a feed zender built', () => {
    expect(readBackFeed(xml, expected)).toEqual([]);
  });

  it('reports a document the parser cannot read, in Dutch and English', () => {
    const [problem, ...rest] = readBackFeed(xml.replace('</channel>', ''), expected);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ level: 'error', code: 'feed_unparseable' });
    expect(problem.messages?.nl).toMatch(/^Een onafhankelijke RSS-lezer kan de feed niet lezen/);
    expect(problem.messages?.en).toMatch(/^An independent RSS parser cannot read the feed/);
  });

  it('reports an item the parser skips (it has no enclosure) by its episode', () => {
    const withoutEnclosure = xml.replace(/<enclosure url="[^"]*aflevering-2\.mp3"[^>]*\/>/, '');
    expect(withoutEnclosure).not.toBe(xml);
    expect(readBackFeed(withoutEnclosure, expected)).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'feed_item_unseen',
        episodeId: 'e2',
        messages: {
          nl: '"Aflevering 2" staat in de feed, maar een onafhankelijke RSS-lezer ziet de aflevering niet.',
          en: '"Aflevering 2" is in the feed, but an independent RSS parser does not see it.',
        },
      }),
    ]);
  });

  it('reports an enclosure URL read differently from the one meant', () => {
    const moved = expected.map((item) =>
      item.episodeId === 'e3' ? { ...item, enclosureUrl: 'https://zender.example/media/x/ander.mp3' } : item,
    );
    const problems = readBackFeed(xml, moved);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'feed_enclosure_mismatch', episodeId: 'e3' });
    expect(problems[0].message).toContain(episodes[2].enclosure.url);
  });

  it('still sees an item whose guid the parser decodes once too often, by its enclosure', () => {
    const odd = testEpisode(4, { guid: 'tag:raad.example,2025:a&amp;b' });
    const feed = buildFeed(testShow(), [odd]);
    const item = { episodeId: 'e4', title: odd.title, guid: odd.guid, enclosureUrl: odd.enclosure.url };
    expect(readBackFeed(feed, [item])).toEqual([]);
  });
});
