import { Podcast } from 'podcast';
import { cleanHtml, htmlToText } from './clean-html.js';
import type { FeedEpisode, FeedShow } from './feed-input.js';
import { feedItem } from './feed-item.js';
import { itunesCategories } from './itunes-categories.js';
import { channelPodcastElements } from './podcast-elements.js';
import { rfc2822 } from './rfc2822.js';
import { type XmlElement, xmlElement } from './xml-element.js';
import { xmlText } from './xml-text.js';

/*
 * Why the items are not written by `podcast`: through `rss` and `xml` it turns each item into a
 * tree of small objects, walks it with closures and array shifts, and concatenates the output
 * piece by piece. Building 10,000 episodes (`npm run bench -- feed`) took ~2,100 ms, ~23 times
 * JSON.stringify of the same rows (27-36 times on the loaded test machine), most of it in that
 * writer and in garbage collection, plus ~0.1 ms of sanitize-html per description.
 *
 * So `podcast` still writes the channel, which is small, and feedItem writes each item as text,
 * byte for byte what `podcast` wrote for it (feed-item.test.ts holds it to that), which is put in
 * before `</channel>`. sanitize-html results are kept (clean-html.ts), so a rebuild does not clean
 * the same descriptions again. What else mattered, measured: each item is joined from its pieces
 * before the next (with `+=` the pieces of the whole feed stay alive as one tree of strings, and
 * the build took ~50% longer, GC 40% of it), and no regex replace runs per episode for text that
 * needs no change (with the app loaded they are ~10 times slower, see xml-text.ts; the bench
 * loads it; this alone took the CPU-time ratio from ~3.7 to ~2.4).
 *
 * After: ratio 1.7-2.4 in most of 17 runs on the same shared machine (130-350 ms against
 * 70-165 ms), 2.8 and 3.4 at load spikes; ~2.3 in CPU time. The first of the bench's three builds
 * is about twice the others (JIT warm-up). A first build of 10,000 episodes with distinct
 * descriptions is still bound by sanitize-html: ~0.8 s of CPU (it was ~2 s).
 */

const GENERATOR = 'zender';
const CHANNEL_END = '</channel></rss>';

/**
 * The RSS 2.0 feed of a show: Apple's itunes tags and the Podcasting 2.0 namespace, UTF-8.
 * Pure and deterministic (same input, same bytes), so the caller can cache it and give it a
 * strong ETag. The caller decides which episodes are public; they are ordered newest first here.
 *
 * The channel is built with the `podcast` package, the items as text in the same form (feed-item.ts);
 * both escape text and split `]]>` inside CDATA. Our values are first stripped of characters
 * XML 1.0 forbids, and HTML is cleaned to an allowlist.
 *
 * @example
 * const xml = buildFeed(show, publishedEpisodes);
 */
export function buildFeed(show: FeedShow, episodes: readonly FeedEpisode[]): string {
  const ordered = [...episodes].sort(newestFirst);
  const trailers = ordered.filter((episode) => episode.type === 'trailer');
  const description = cleanHtml(xmlText(show.description));
  const newest = ordered[0]?.publishedAt;

  const channelElements: XmlElement[] = [...channelPodcastElements(show, trailers)];
  // `podcast` accepts imageUrl but never hands it to `rss` under the name `rss` reads (image_url),
  // so the RSS <image> is missing from its output; it is added here. Title and link must match
  // the channel's (RSS 2.0), which is what apps that still read <image> check.
  if (show.imageUrl) {
    const [url, title, link] = [show.imageUrl, show.title, show.link].map(xmlText);
    channelElements.push({ image: [{ url }, { title }, { link }] });
  }
  // `podcast` only knows itunes:new-feed-url as an item option, where Apple ignores it;
  // Apple reads it on the channel, so it is added here instead.
  if (show.newFeedUrl) channelElements.push(xmlElement('itunes:new-feed-url', {}, show.newFeedUrl));

  const feed = new Podcast({
    title: xmlText(show.title),
    description,
    siteUrl: xmlText(show.link),
    feedUrl: xmlText(show.feedUrl),
    itunesImage: show.imageUrl ? xmlText(show.imageUrl) : undefined,
    generator: GENERATOR,
    language: xmlText(show.language),
    copyright: show.copyright ? xmlText(show.copyright) : undefined,
    pubDate: newest ? rfc2822(newest) : undefined,
    // Not `author`: `rss` would also print it as <author> on the channel, which RSS 2.0 does not
    // define there (feed validators warn). itunes:author is the tag apps read.
    itunesAuthor: xmlText(show.author),
    // Set explicitly: left out, `podcast` copies the HTML description into itunes:summary, a tag
    // many apps show verbatim, tags and all.
    itunesSummary: htmlToText(description),
    itunesOwner: { name: xmlText(show.owner.name), email: xmlText(show.owner.email) },
    itunesExplicit: show.explicit,
    itunesCategory: itunesCategories(show.categories),
    itunesType: show.type,
    // `podcast` declares the podlove simple-chapters namespace by default; we publish JSON chapters.
    namespaces: { iTunes: true, podcast: true, simpleChapters: false },
    customElements: channelElements,
  });

  const lastBuild = newest && newest > show.updatedAt ? newest : show.updatedAt;
  const channel = withLastBuildDate(feed.buildXml(), rfc2822(lastBuild));
  if (!channel.endsWith(CHANNEL_END)) throw new Error('feeds: unexpected end of the channel from podcast');
  const items = ordered.map((episode) => feedItem(episode)).join('');
  return `${channel.slice(0, -CHANNEL_END.length)}${items}${CHANNEL_END}`;
}

/** Newest first; equal times by guid, so the output does not depend on the input order. */
function newestFirst(a: FeedEpisode, b: FeedEpisode): number {
  const byDate = b.publishedAt.getTime() - a.publishedAt.getTime();
  if (byDate !== 0) return byDate;
  return a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0;
}

/**
 * `rss` (under `podcast`) always writes lastBuildDate as the current time, which would make two
 * builds of the same show differ and defeat strong ETags and caching. The value is replaced by
 * the show's own time. The channel's own element is the first `<lastBuildDate>` outside a CDATA
 * section: titles and descriptions are CDATA and may contain that text, everything else is escaped.
 */
function withLastBuildDate(xml: string, date: string): string {
  const open = '<lastBuildDate>';
  const close = '</lastBuildDate>';
  let from = 0;
  for (;;) {
    const tag = xml.indexOf(open, from);
    const cdata = xml.indexOf('<![CDATA[', from);
    if (tag === -1) return xml;
    if (cdata !== -1 && cdata < tag) {
      const cdataEnd = xml.indexOf(']]>', cdata);
      if (cdataEnd === -1) return xml;
      from = cdataEnd + 3;
      continue;
    }
    const end = xml.indexOf(close, tag);
    return `${xml.slice(0, tag + open.length)}${date}${xml.slice(end)}`;
  }
}
