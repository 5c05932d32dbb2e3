import type { ShowRecord } from '../db/codecs/show-codec.js';
import { cleanHtml, htmlToText } from '../feeds/clean-html.js';
import type { PublicUrls } from './public-urls.js';
import type { Person } from './show.js';

/** A show as public pages and players show it: no owner e-mail, no internal state. */
export interface PublicShow {
  id: string;
  slug: string;
  title: string;
  /** Sanitized HTML (feeds/clean-html allowlist) and its plain text. */
  descriptionHtml: string;
  descriptionText: string;
  language: string;
  author: string;
  link: string | null;
  copyright: string | null;
  categories: string[];
  persons: Person[];
  pageUrl: string;
  embedUrl: string;
  feedUrl: string;
  artworkUrl: string | null;
  artworkLargeUrl: string | null;
  /** Podcast apps staff configured (show.extra.subscribe: { apple: url, … }), http(s) only. */
  subscribe: { platform: string; url: string }[];
  /** Origins allowed to frame the embeds (show.extra.embedAllowlist); empty: any. */
  embedAllowlist: string[];
  updatedAt: string;
}

const SAFE_URL = /^https?:\/\/[^\s"<>]+$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

/** The public view of a show row: staff-entered links and origins only when they are http(s). */
export function publicShowView(row: ShowRecord, urls: PublicUrls): PublicShow {
  const { extra } = row;
  const artwork = row.artwork !== null;
  const descriptionHtml = cleanHtml(row.description);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    descriptionHtml,
    descriptionText: htmlToText(descriptionHtml),
    language: row.language,
    author: row.author,
    link: row.link && SAFE_URL.test(row.link) ? row.link : null,
    copyright: row.copyright,
    categories: row.categories,
    persons: row.persons,
    pageUrl: urls.showPage(row.slug),
    embedUrl: `${urls.base}/embed/shows/${row.slug}`,
    feedUrl: urls.feedUrl(row.slug),
    artworkUrl: artwork ? `${urls.base}/media/${row.slug}/artwork-600.jpg` : null,
    artworkLargeUrl: urls.showArtworkUrl(row.slug, row.artwork),
    subscribe: Object.entries(extra.subscribe ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && SAFE_URL.test(entry[1]))
      .map(([platform, url]) => ({ platform, url })),
    embedAllowlist: Array.isArray(extra.embedAllowlist)
      ? extra.embedAllowlist.filter((o): o is string => typeof o === 'string' && ORIGIN.test(o))
      : [],
    updatedAt: row.updated_at,
  };
}
