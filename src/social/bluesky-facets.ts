import { countGraphemes } from './measure-length.js';
import { extractTweetHashtags } from './tweet-entities.js';
import { extractTweetUrls } from './tweet-urls.js';

export interface BlueskyLinkFeature {
  $type: 'app.bsky.richtext.facet#link';
  uri: string;
}

export interface BlueskyTagFeature {
  $type: 'app.bsky.richtext.facet#tag';
  /** The tag without its "#". */
  tag: string;
}

/** An app.bsky.richtext.facet: a byte range of the UTF-8 text and what it means. */
export interface BlueskyFacet {
  index: { byteStart: number; byteEnd: number };
  features: Array<BlueskyLinkFeature | BlueskyTagFeature>;
}

interface Span {
  start: number;
  end: number;
  feature: BlueskyLinkFeature | BlueskyTagFeature;
}

const utf8 = new TextEncoder();

/**
 * Bluesky shows plain text unless a facet says which bytes are a link or a tag, so a post
 * needs its facets. `links` are found exactly where they occur (the episode link, which is
 * the facet that matters); other http(s) URLs and #hashtags in the text are found as X's
 * twitter-text finds them. Offsets are UTF-8 byte offsets, as the lexicon requires, not the
 * UTF-16 indices of a JavaScript string. Call it again after staff edit a draft.
 *
 * @example
 * blueskyFacets('Luister: https://a.nl/x #podcast', ['https://a.nl/x'])
 * // [{ index: { byteStart: 9, byteEnd: 23 }, features: [{ $type: '…#link', uri: 'https://a.nl/x' }] },
 * //  { index: { byteStart: 24, byteEnd: 32 }, features: [{ $type: '…#tag', tag: 'podcast' }] }]
 */
export function blueskyFacets(text: string, links: readonly string[] = []): BlueskyFacet[] {
  const spans: Span[] = [];
  const free = (start: number, end: number) => spans.every((span) => end <= span.start || start >= span.end);

  for (const uri of links) {
    if (!uri) continue;
    for (let at = text.indexOf(uri); at !== -1; at = text.indexOf(uri, at + uri.length)) {
      if (free(at, at + uri.length)) {
        spans.push({
          start: at,
          end: at + uri.length,
          feature: { $type: 'app.bsky.richtext.facet#link', uri },
        });
      }
    }
  }
  for (const { url, indices } of extractTweetUrls(text, {
    extractUrlsWithoutProtocol: false,
  })) {
    if (free(indices[0], indices[1])) {
      spans.push({
        start: indices[0],
        end: indices[1],
        feature: { $type: 'app.bsky.richtext.facet#link', uri: url },
      });
    }
  }
  for (const { hashtag, indices } of extractTweetHashtags(text)) {
    // Bluesky caps a tag at 64 graphemes; a longer one stays plain text.
    if (countGraphemes(hashtag) <= 64 && free(indices[0], indices[1])) {
      spans.push({
        start: indices[0],
        end: indices[1],
        feature: { $type: 'app.bsky.richtext.facet#tag', tag: hashtag },
      });
    }
  }

  return spans
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, feature }) => {
      const byteStart = utf8.encode(text.slice(0, start)).length;
      return {
        index: { byteStart, byteEnd: byteStart + utf8.encode(text.slice(start, end)).length },
        features: [feature],
      };
    });
}
