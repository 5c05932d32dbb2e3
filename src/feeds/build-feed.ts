import { type ItemOptions, Podcast } from 'podcast';
import { cleanHtml, htmlToText, textToHtml } from './clean-html.js';
import type { FeedEpisode, FeedShow } from './feed-input.js';
import { itunesCategories } from './itunes-categories.js';
import { channelPodcastElements, itemPodcastElements } from './podcast-elements.js';
import { rfc2822 } from './rfc2822.js';
import { type XmlElement, xmlElement } from './xml-element.js';
import { xmlText } from './xml-text.js';

const GENERATOR = 'zender';

/**
 * The RSS 2.0 feed of a show: Apple's itunes tags and the Podcasting 2.0 namespace, UTF-8.
 * Pure and deterministic (same input, same bytes), so the caller can cache it and give it a
 * strong ETag. The caller decides which episodes are public; they are ordered newest first here.
 *
 * Built with the `podcast` package, which escapes text and splits `]]>` inside CDATA; our values are
 * first stripped of characters XML 1.0 forbids, and HTML is cleaned to an allowlist.
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

  for (const episode of ordered) feed.addItem(itemOptions(episode));

  const lastBuild = newest && newest > show.updatedAt ? newest : show.updatedAt;
  return withLastBuildDate(feed.buildXml(), rfc2822(lastBuild));
}

/** Newest first; equal times by guid, so the output does not depend on the input order. */
function newestFirst(a: FeedEpisode, b: FeedEpisode): number {
  const byDate = b.publishedAt.getTime() - a.publishedAt.getTime();
  if (byDate !== 0) return byDate;
  return a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0;
}

function itemOptions(episode: FeedEpisode): ItemOptions {
  const summary = episode.summary ? xmlText(episode.summary) : undefined;
  // Apple shows the HTML description; with only a summary, that (escaped) stands in for it.
  const description = episode.description
    ? cleanHtml(xmlText(episode.description))
    : summary
      ? textToHtml(summary)
      : undefined;
  const duration = Math.round(episode.durationSeconds);
  const title = xmlText(episode.title);

  return {
    title,
    description,
    url: xmlText(episode.link),
    guid: xmlText(episode.guid),
    date: rfc2822(episode.publishedAt),
    enclosure: {
      url: xmlText(episode.enclosure.url),
      type: xmlText(episode.enclosure.type),
      size: episode.enclosure.length,
    },
    itunesTitle: title,
    // As with the channel: without it, `podcast` puts the HTML description in itunes:summary.
    itunesSummary: summary ?? (description ? htmlToText(description) : undefined),
    itunesExplicit: episode.explicit,
    // A string, because `podcast` turns a number into HH:MM:SS; Apple recommends whole seconds.
    itunesDuration: duration > 0 ? String(duration) : undefined,
    itunesImage: episode.imageUrl ? xmlText(episode.imageUrl) : undefined,
    // Apple wants non-zero integers here; a decimal episode number only goes to podcast:episode.
    itunesSeason: positiveInteger(episode.season),
    itunesEpisode: positiveInteger(episode.number),
    itunesEpisodeType: episode.type,
    customElements: itemPodcastElements(episode),
  };
}

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
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
