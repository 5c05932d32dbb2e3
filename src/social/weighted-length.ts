import { allMatches, extractTweetUrls } from './tweet-urls.js';

/**
 * X's tweet length, as twitter-text 3's `parseTweet` computes it with its default (v3)
 * configuration, without loading twitter-text (whose core-js 2 polyfills patch RegExp and
 * Symbol for the whole process). Pure, dependency-free and free of Node APIs: the staff
 * interface serves this same file to the browser for its live counter.
 */

/** twitter-text's `configs.defaults` (version 3). */
export const tweetConfig = Object.freeze({
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  transformedURLLength: 23,
  /** UTF-16 code units that weigh 100 (one character); every other weighs `defaultWeight`. */
  ranges: Object.freeze([
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ]),
});

export interface WeightedLength {
  /** Characters as X counts them: 280 at most for a valid post. */
  weightedLength: number;
  /** Not empty, within 280, and free of the characters X refuses (U+FFFE, U+FEFF, U+FFFF). */
  valid: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * An emoji at the start of a grapheme: a keycap, a flag (two regional indicators), or a
 * pictograph with its optional emoji presentation selector or skin tone, joined by ZWJ to
 * further ones, or followed by tag characters (🏴 subdivision flags). A pictograph followed by
 * U+FE0E asks for text presentation and is not an emoji; neither is © or ® without U+FE0F
 * (twitter-text weighs those as one ordinary character).
 */
const pictograph = String.raw`(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|\p{Extended_Pictographic}\uFE0F?)`;
const emojiAtStart = new RegExp(
  String.raw`^(?:[#*0-9]\uFE0F?\u20E3|\p{Regional_Indicator}{2}|[\u00A9\u00AE]\uFE0F|` +
    String.raw`(?![\u00A9\u00AE])${pictograph}(?!\uFE0E)(?:\u200D${pictograph})*[\u{E0020}-\u{E007F}]*)`,
  'u',
);

/** Where `emojiAtStart` can match: its first character. */
const emojiStart = /[#*0-9\u00A9\u00AE\p{Extended_Pictographic}\p{Regional_Indicator}]/gu;

/**
 * @example
 * weightedLength('Nieuw: https://example.org/een-heel-lang-pad') // { weightedLength: 30, valid: true }
 * weightedLength('日本 👩‍👩‍👧‍👦') // { weightedLength: 7, valid: true }
 */
export function weightedLength(text: string): WeightedLength {
  const { scale, defaultWeight, transformedURLLength, maxWeightedTweetLength } = tweetConfig;
  const normalized = text.normalize('NFC');
  const units = new Map<number, { end: number; weight: number }>();
  // Segmenting the whole text is slow, so graphemes are looked up only where an emoji could start.
  const segments = graphemes.segment(normalized);
  for (const { index: at } of allMatches(emojiStart, normalized)) {
    const grapheme = segments.containing(at);
    const emoji = grapheme?.index === at ? emojiAtStart.exec(grapheme.segment) : null;
    if (emoji) units.set(at, { end: at + emoji[0].length, weight: defaultWeight });
  }
  // A URL wins over an emoji starting at the same place, as in twitter-text.
  for (const { indices } of extractTweetUrls(normalized)) {
    units.set(indices[0], { end: indices[1], weight: transformedURLLength * scale });
  }

  let weight = 0;
  for (let at = 0; at < normalized.length; ) {
    const unit = units.get(at);
    if (unit) {
      weight += unit.weight;
      at = unit.end;
      continue;
    }
    const code = normalized.charCodeAt(at);
    const pair = isHighSurrogate(code) && isLowSurrogate(normalized.charCodeAt(at + 1));
    // Outside the basic plane every character weighs `defaultWeight` (no range reaches there).
    weight += pair ? defaultWeight : characterWeight(code);
    at += pair ? 2 : 1;
  }

  const length = weight / scale;
  const valid = !/[\uFFFE\uFEFF\uFFFF]/.test(normalized) && length > 0 && length <= maxWeightedTweetLength;
  return { weightedLength: length, valid };
}

function characterWeight(code: number): number {
  for (const range of tweetConfig.ranges) {
    if (code >= range.start && code <= range.end) return range.weight;
  }
  return tweetConfig.defaultWeight;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
