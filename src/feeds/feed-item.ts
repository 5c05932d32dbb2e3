import type { ItemOptions } from 'podcast';
import { htmlToText, textToHtml } from './clean-html.js';
import type { FeedEpisode } from './feed-input.js';
import { itemPodcastElements } from './podcast-elements.js';
import { xmlText } from './xml-text.js';

/**
 * The `podcast` item options of one episode: RSS and itunes tags from `podcast`, Podcasting 2.0
 * tags as custom elements. `cleanHtml` is the feed's HTML cleaner (it may keep results).
 */
export function feedItem(episode: FeedEpisode, cleanHtml: (html: string) => string): ItemOptions {
  // Cleaned first, so a title of only forbidden characters counts as missing everywhere.
  const title = xmlText(episode.title);
  const summary = episode.summary ? xmlText(episode.summary) : undefined;
  // Apple shows the HTML description; with only a summary, that (escaped) stands in for it.
  const description = episode.description
    ? cleanHtml(xmlText(episode.description))
    : summary
      ? textToHtml(summary)
      : undefined;
  const { season, number, type } = episode;
  // Whole seconds, as Apple recommends (`podcast` would make HH:MM:SS of a number).
  const duration = Math.round(episode.durationSeconds);
  return {
    title,
    description,
    url: episode.link,
    guid: episode.guid,
    date: episode.publishedAt,
    // No type when none is known: `rss` would guess one from the URL's extension.
    enclosure: { url: episode.enclosure.url, size: episode.enclosure.length, type: episode.enclosure.type },
    customElements: itemPodcastElements(episode),
    // Set explicitly: without it, `podcast` puts the HTML description in itunes:summary, which
    // many apps show verbatim.
    itunesSummary: summary || (description ? htmlToText(description) : undefined),
    itunesExplicit: episode.explicit,
    itunesDuration: duration > 0 ? String(duration) : undefined,
    itunesImage: episode.imageUrl || undefined,
    // Apple wants non-zero integers here; a decimal episode number only goes to podcast:episode.
    itunesSeason: isPositiveInteger(season) ? season : undefined,
    itunesEpisode: isPositiveInteger(number) ? number : undefined,
    itunesTitle: title || undefined,
    itunesEpisodeType: type,
  };
}

function isPositiveInteger(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0;
}
