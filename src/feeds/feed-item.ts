import { cleanHtml, htmlToText, textToHtml } from './clean-html.js';
import type { FeedEpisode } from './feed-input.js';
import { itemPodcastElements } from './podcast-elements.js';
import { rfc2822 } from './rfc2822.js';
import { cdata, escapeXml, textNode } from './xml-markup.js';
import { xmlText } from './xml-text.js';

/**
 * The `<item>` of one episode, as XML text. Written directly rather than through `podcast`
 * (build-feed.ts says why), with the same elements, order and escaping that `podcast` and `rss`
 * give the same values, so the bytes are those the package would write. Two deliberate exceptions:
 * an enclosure without a type gets no type attribute (`rss` guesses one from the URL's extension,
 * `type="false"` when it cannot), and pubDate is written as rfc2822 gives it (`rss` parses the
 * text again, which turns years before 100 into 19xx).
 */
export function feedItem(episode: FeedEpisode): string {
  // `rss` writes a missing title as this, in <title> and the guid fallback, not in itunes:title.
  const title = xmlText(episode.title);
  const rssTitle = title || 'No title';
  const summary = episode.summary ? xmlText(episode.summary) : undefined;
  // Apple shows the HTML description; with only a summary, that (escaped) stands in for it.
  const description = episode.description
    ? cleanHtml(xmlText(episode.description))
    : summary
      ? textToHtml(summary)
      : undefined;
  // Escaped once here: empty exactly when xmlText leaves nothing, which is what `rss` tests.
  const link = textNode(episode.link);
  const guid = textNode(episode.guid);

  // Joined here, so the pieces die young: with `+=` a tree of small strings for the whole feed
  // would stay alive until the feed is flattened, and the build is then mostly GC time.
  const xml = ['<item><title>', cdata(rssTitle), '</title>'];
  if (description) xml.push('<description>', cdata(description), '</description>');
  if (link) xml.push('<link>', link, '</link>');
  xml.push('<guid isPermaLink="', !guid && link ? 'true' : 'false', '">');
  xml.push(guid || link || escapeXml(rssTitle), '</guid>');
  xml.push('<pubDate>', rfc2822(episode.publishedAt), '</pubDate>');
  // Attribute values, but cleaned with xmlText as they always were (a tab or line end is kept).
  const enclosureUrl = textNode(episode.enclosure.url);
  if (enclosureUrl) {
    const length = String(episode.enclosure.length || 0);
    const type = textNode(episode.enclosure.type);
    xml.push('<enclosure url="', enclosureUrl, '" length="', length);
    xml.push(type ? `" type="${type}"/>` : '"/>');
  }
  xml.push(itemPodcastElements(episode));

  // The itunes tags, in the order `podcast` writes them. Set explicitly: without it, `podcast`
  // would put the HTML description in itunes:summary, which many apps show verbatim.
  const itunesSummary = summary || (description ? htmlToText(description) : undefined);
  if (itunesSummary) xml.push('<itunes:summary>', escapeXml(itunesSummary), '</itunes:summary>');
  xml.push('<itunes:explicit>', episode.explicit ? 'true' : 'false', '</itunes:explicit>');
  // Whole seconds, as Apple recommends (not the HH:MM:SS `podcast` makes of a number).
  const duration = Math.round(episode.durationSeconds);
  if (duration > 0) xml.push('<itunes:duration>', String(duration), '</itunes:duration>');
  const image = episode.imageUrl ? textNode(episode.imageUrl) : '';
  if (image) xml.push('<itunes:image href="', image, '"/>');
  // Apple wants non-zero integers here; a decimal episode number only goes to podcast:episode.
  const { season, number, type } = episode;
  if (isPositiveInteger(season)) xml.push('<itunes:season>', String(season), '</itunes:season>');
  if (isPositiveInteger(number)) xml.push('<itunes:episode>', String(number), '</itunes:episode>');
  if (title) xml.push('<itunes:title>', escapeXml(title), '</itunes:title>');
  if (type) xml.push('<itunes:episodeType>', escapeXml(type), '</itunes:episodeType>');
  xml.push('</item>');
  return xml.join('');
}

function isPositiveInteger(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0;
}
