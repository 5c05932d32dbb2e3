import { parseFeed } from 'podcast-partytime';
import { cleanHtml } from '../feeds/clean-html.js';
import { ImportRefusal } from './import-refusal.js';
import { type FeedChannelTags, readFeedTags } from './read-feed-tags.js';

export interface FeedEpisode {
  guid: string;
  title: string;
  description: string | null;
  pubDate: string | null;
  season: number | null;
  number: number | null;
  type: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
  durationSeconds: number | null;
  imageUrl: string | null;
  enclosure: { url: string; type: string | null; length: number | null } | null;
  chaptersUrl: string | null;
  transcripts: { url: string; type: string; language: string | null }[];
}

export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  author: string;
  owner: { name: string; email: string };
  imageUrl: string | null;
  categories: string[];
  explicit: boolean;
  type: 'episodic' | 'serial';
  link: string | null;
  copyright: string | null;
  funding: { url: string; title: string }[];
  persons: { name: string; role?: string; group?: string; img?: string; href?: string }[];
  locked: boolean;
  guid: string | null;
  /** License, itunes:block and itunes:complete, location and podroll. */
  tags: FeedChannelTags;
  episodes: FeedEpisode[];
}

/**
 * A DOCTYPE can declare entities that expand a few kilobytes into gigabytes ("billion laughs")
 * or read files and URLs (external entities). RSS never needs one, so any declaration is refused
 * before a parser sees the text.
 */
const declaration = /<!DOCTYPE|<!ENTITY/i;

/** Relative (`/a.mp3`) and protocol-relative (`//cdn/a.mp3`) URLs, made absolute against the feed's own. */
function absolute(value: string | undefined | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
}

function wholeNumber(value: unknown): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function language(value: string | undefined): string {
  const match = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?/.exec(text(value));
  return match ? match[0].toLowerCase() : 'nl';
}

/** The channel and its items, read with podcast-partytime, URLs made absolute against `feedUrl`. */
export function readFeed(xml: string, feedUrl: string): FeedChannel {
  if (declaration.test(xml)) throw new ImportRefusal('feed_doctype');
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml, { allowMissingGuid: true });
  } catch {
    feed = null;
  }
  if (!feed || !text(feed.title)) throw new ImportRefusal('feed_not_rss');
  const channelLanguage = language(feed.language);
  const episodes = feed.items.map((item): FeedEpisode => {
    const enclosureUrl = absolute(item.enclosure?.url, feedUrl);
    const kind = text(item.itunesEpisodeType).toLowerCase();
    const season = item.podcastSeason?.number ?? item.itunesSeason;
    const number = item.podcastEpisode?.number ?? item.itunesEpisode;
    const description = text(item.content) || text(item.description) || text(item.summary);
    return {
      guid: text(item.guid) || enclosureUrl || text(item.title),
      title: text(item.title) || text(item.guid),
      description: description ? cleanHtml(description) : null,
      pubDate: item.pubDate && !Number.isNaN(item.pubDate.getTime()) ? item.pubDate.toISOString() : null,
      season: wholeNumber(season),
      number: wholeNumber(number),
      type: kind === 'trailer' || kind === 'bonus' ? kind : 'full',
      explicit: Boolean(item.explicit),
      durationSeconds: item.duration > 0 ? Math.round(item.duration) : null,
      imageUrl: absolute(item.itunesImage ?? item.image, feedUrl),
      enclosure: enclosureUrl
        ? {
            url: enclosureUrl,
            type: text(item.enclosure?.type) || null,
            length: Number(item.enclosure?.length) > 0 ? Number(item.enclosure.length) : null,
          }
        : null,
      chaptersUrl: absolute(item.podcastChapters?.url, feedUrl),
      transcripts: (item.podcastTranscripts ?? []).flatMap((t) => {
        const url = absolute(t.url, feedUrl);
        return url ? [{ url, type: text(t.type), language: t.language ? language(t.language) : null }] : [];
      }),
    };
  });
  const owner = feed.owner ?? { name: '', email: '' };
  return {
    title: text(feed.title),
    description: cleanHtml(text(feed.description) || text(feed.summary) || text(feed.title)),
    language: channelLanguage,
    author: text(feed.author) || text(owner.name) || text(feed.title),
    owner: { name: text(owner.name) || text(feed.author), email: text(owner.email) },
    imageUrl: absolute(feed.itunesImage ?? feed.image?.url, feedUrl),
    categories: (feed.itunesCategory ?? []).map(text).filter(Boolean),
    explicit: Boolean(feed.explicit),
    type: feed.itunesType === 'serial' ? 'serial' : 'episodic',
    link: absolute(feed.link, feedUrl),
    copyright: text(feed.copyright) || null,
    funding: (feed.podcastFunding ?? []).flatMap((f) => {
      const url = absolute(f.url, feedUrl);
      return url ? [{ url, title: text(f.message) }] : [];
    }),
    persons: (feed.podcastPeople ?? []).map((p) => ({
      name: text(p.name),
      // The Podcasting 2.0 taxonomy is lowercase; partytime capitalises.
      ...(p.role ? { role: text(p.role).toLowerCase() } : {}),
      ...(p.group ? { group: text(p.group).toLowerCase() } : {}),
      ...(absolute(p.img, feedUrl) ? { img: absolute(p.img, feedUrl)! } : {}),
      ...(absolute(p.href, feedUrl) ? { href: absolute(p.href, feedUrl)! } : {}),
    })),
    locked: Boolean(feed.locked),
    guid: text(feed.guid) || null,
    tags: readFeedTags(feed, feedUrl),
    episodes,
  };
}
