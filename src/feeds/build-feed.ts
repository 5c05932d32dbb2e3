import { Podcast } from 'podcast';
import { createHtmlCleaner, htmlToText } from './clean-html.js';
import type { FeedEpisode, FeedShow } from './feed-input.js';
import { feedItem } from './feed-item.js';
import { itunesCategories } from './itunes-categories.js';
import { channelPodcastElements } from './podcast-elements.js';
import { writePodcastXml } from './write-podcast-xml.js';
import { xmlElement } from './xml-element.js';
import { xmlText } from './xml-text.js';

const GENERATOR = 'zender';

export interface BuildFeedOptions {
  /**
   * The HTML cleaner for descriptions. A long-lived owner (the feed publisher) passes one that
   * keeps its results (createHtmlCleaner), so a rebuild does not clean the same text again;
   * by default a build keeps them only for itself.
   */
  cleanHtml?: (html: string) => string;
}

/**
 * The RSS 2.0 feed of a show: Apple's itunes tags and the Podcasting 2.0 namespace, UTF-8.
 * Pure and deterministic (same input, same bytes), so the caller can cache it and give it a
 * strong ETag. The caller decides which episodes are public; they are ordered newest first here.
 *
 * The whole document is one `Podcast` (the itunes tags are its own, the podcast:* tags its
 * custom elements), written by writePodcastXml, which removes what XML 1.0 forbids, escapes the
 * rest and splits `]]>` inside CDATA. HTML is cleaned to an allowlist.
 *
 * @example
 * const xml = buildFeed(show, publishedEpisodes);
 */
export function buildFeed(
  show: FeedShow,
  episodes: readonly FeedEpisode[],
  { cleanHtml = createHtmlCleaner() }: BuildFeedOptions = {},
): string {
  const ordered = [...episodes].sort(newestFirst);
  const trailers = ordered.filter((episode) => episode.type === 'trailer');
  const description = cleanHtml(xmlText(show.description));
  const newest = ordered[0]?.publishedAt;

  const customElements = channelPodcastElements(show, trailers);
  // `podcast` only knows itunes:new-feed-url as an item option, where Apple ignores it;
  // Apple reads it on the channel.
  if (show.newFeedUrl) customElements.push(xmlElement('itunes:new-feed-url', {}, show.newFeedUrl));
  // Apple: "Yes" blocks or completes the show, any other value has no effect, so only true is written.
  if (show.block) customElements.push(xmlElement('itunes:block', {}, 'Yes'));
  if (show.complete) customElements.push(xmlElement('itunes:complete', {}, 'Yes'));

  const podcast = new Podcast({
    title: show.title,
    description,
    siteUrl: show.link,
    feedUrl: show.feedUrl,
    imageUrl: show.imageUrl,
    generator: GENERATOR,
    language: show.language,
    copyright: show.copyright,
    pubDate: newest,
    // Not `author`: it would also be written as <author> on the channel, which RSS 2.0 does not
    // define there (feed validators warn). itunes:author is the tag apps read.
    itunesAuthor: show.author,
    // Set explicitly: left out, `podcast` copies the HTML description into itunes:summary, a tag
    // many apps show verbatim, tags and all.
    itunesSummary: htmlToText(description),
    itunesOwner: { name: show.owner.name, email: show.owner.email },
    itunesExplicit: show.explicit,
    itunesCategory: itunesCategories(show.categories),
    itunesType: show.type,
    // `podcast` declares the podlove simple-chapters namespace by default; we publish JSON chapters.
    namespaces: { iTunes: true, podcast: true, simpleChapters: false },
    customElements,
  });
  for (const episode of ordered) podcast.addItem(feedItem(episode, cleanHtml));

  // RSS 2.0: "the last time the content of the channel changed", not the time of this build.
  const lastBuild = newest && newest > show.updatedAt ? newest : show.updatedAt;
  return writePodcastXml(podcast, lastBuild, { hubUrl: show.hubUrl });
}

/** Newest first; equal times by guid, so the output does not depend on the input order. */
function newestFirst(a: FeedEpisode, b: FeedEpisode): number {
  const byDate = b.publishedAt.getTime() - a.publishedAt.getTime();
  if (byDate !== 0) return byDate;
  return a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0;
}
