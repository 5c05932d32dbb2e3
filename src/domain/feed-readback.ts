import { parseFeed } from 'podcast-partytime';
import type { FeedProblem } from './feed-check.js';

/** An item the feed is meant to carry, as zender built it. */
export interface ExpectedItem {
  episodeId: string;
  title: string;
  guid: string;
  enclosureUrl: string;
}

/**
 * Reads the built feed back with an independent parser (podcast-partytime, on fast-xml-parser,
 * as podcast indexes read feeds) and reports what a reader would miss: a document it cannot
 * parse, an item it does not see (it skips items without a guid or enclosure), or an enclosure
 * URL it reads differently from the one zender wrote.
 */
export function readBackFeed(xml: string, expected: readonly ExpectedItem[]): FeedProblem[] {
  let feed: ReturnType<typeof parseFeed>;
  let reason = 'the parser returned nothing';
  try {
    feed = parseFeed(xml);
  } catch (error) {
    feed = null;
    reason = (error as Error).message;
  }
  if (!feed) {
    return [
      {
        level: 'error',
        code: 'feed_unparseable',
        message: `An independent RSS parser cannot read the feed (${reason}): podcast apps may not either.`,
        messages: {
          nl: `Een onafhankelijke RSS-lezer kan de feed niet lezen (${reason}); podcastapps mogelijk ook niet.`,
          en: `An independent RSS parser cannot read the feed (${reason}): podcast apps may not either.`,
        },
      },
    ];
  }
  const byGuid = new Map(feed.items.map((item) => [String(item.guid ?? ''), item]));
  const byEnclosure = new Map(feed.items.map((item) => [item.enclosure?.url ?? '', item]));
  const problems: FeedProblem[] = [];
  for (const want of expected) {
    const seen = byGuid.get(want.guid);
    if (!seen) {
      // Read by its enclosure, its guid merely decoded differently (partytime decodes entities twice).
      if (byEnclosure.has(want.enclosureUrl)) continue;
      problems.push({
        level: 'error',
        code: 'feed_item_unseen',
        episodeId: want.episodeId,
        message: `"${want.title}" is in the feed, but an independent RSS parser does not see it.`,
        messages: {
          nl: `"${want.title}" staat in de feed, maar een onafhankelijke RSS-lezer ziet de aflevering niet.`,
          en: `"${want.title}" is in the feed, but an independent RSS parser does not see it.`,
        },
      });
      continue;
    }
    const read = seen.enclosure?.url ?? '';
    if (read !== want.enclosureUrl) {
      problems.push({
        level: 'error',
        code: 'feed_enclosure_mismatch',
        episodeId: want.episodeId,
        message: `"${want.title}": a parser reads the enclosure URL as ${read || '(none)'}, not ${want.enclosureUrl}.`,
        messages: {
          nl: `"${want.title}": een RSS-lezer leest het audioadres als ${read || '(geen)'} in plaats van ${want.enclosureUrl}.`,
          en: `"${want.title}": a parser reads the enclosure URL as ${read || '(none)'}, not ${want.enclosureUrl}.`,
        },
      });
    }
  }
  return problems;
}
