import { type Channel, channelRules } from './channels.js';
import { extractTweetUrls } from './tweet-urls.js';
import { weightedLength } from './weighted-length.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/** What Mastodon reserves for every link, whatever its real length. */
const MASTODON_URL_LENGTH = 23;

const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * The length of `text` as the channel itself counts it, to compare with
 * `channelRules[channel].limit`.
 *
 * @example
 * measureLength('x', 'Nieuw: https://example.org/a-very-long-path') // 30: the URL weighs 23
 * measureLength('bluesky', '👩‍👩‍👧‍👦') // 1 grapheme
 */
export function measureLength(channel: Channel, text: string): number {
  switch (channelRules[channel].counting) {
    case 'twitter-text':
      return weightedLength(text).weightedLength;
    case 'graphemes':
      return countGraphemes(text);
    case 'mastodon':
      return mastodonLength(text);
    case 'threads':
      return threadsLength(text);
    case 'utf16':
      return text.length;
  }
}

/** True when `text` is within every limit of the channel (Bluesky also has a byte limit). */
export function fitsLimit(channel: Channel, text: string): boolean {
  const rules = channelRules[channel];
  if (measureLength(channel, text) > rules.limit) return false;
  return rules.maxBytes === undefined || utf8Length(text) <= rules.maxBytes;
}

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

export function utf8Length(text: string): number {
  return utf8.encode(text).length;
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Mastodon's server counts graphemes after replacing each URL with a scheme by 23 characters;
 * its web composer counts code points and also collapses bare domains ("vng.nl") to 23.
 * Counting code points, with scheme URLs as 23 and bare domains as at least 23, is never
 * below either, so a draft that fits here is accepted by both.
 */
function mastodonLength(text: string): number {
  let length = 0;
  let last = 0;
  for (const { url, indices } of extractTweetUrls(text)) {
    const [start, end] = indices;
    length += codePoints(text.slice(last, start));
    const own = codePoints(text.slice(start, end));
    length += /^https?:\/\//i.test(url) ? MASTODON_URL_LENGTH : Math.max(own, MASTODON_URL_LENGTH);
    last = end;
  }
  return length + codePoints(text.slice(last));
}

/** Threads counts characters, but "emojis are counted as the number of UTF-8 bytes". */
function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    length += emoji.test(segment) ? utf8Length(segment) : codePoints(segment);
  }
  return length;
}
