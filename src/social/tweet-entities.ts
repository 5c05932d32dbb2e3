import {
  allMatches,
  extractTweetUrls,
  latinAccents,
  punct,
  spaces,
  type TweetUrl,
  type TweetUrlOptions,
} from './tweet-urls.js';
import {
  astralLetterAndMarks,
  astralNumerals,
  bmpLetterAndMarks,
  bmpNumerals,
  hashtagSpecialChars,
} from './twitter-hashtag-chars.js';

/**
 * Hashtags, mentions and cashtags found the way X's twitter-text 3 finds them
 * (`extractHashtagsWithIndices`, `extractMentionsOrListsWithIndices`,
 * `extractCashtagsWithIndices`, `extractEntitiesWithIndices`), without loading twitter-text.
 * The patterns are twitter-text's, with its Unicode tables generated into
 * twitter-hashtag-chars.ts, compiled without the `u` flag like the originals.
 * weighted-length.test.ts compares them with twitter-text itself.
 */

export interface TweetHashtag {
  /** Without the "#". */
  hashtag: string;
  indices: [number, number];
}

export interface TweetMention {
  screenName: string;
  /** "/list-name" or "". */
  listSlug: string;
  indices: [number, number];
}

export interface TweetCashtag {
  cashtag: string;
  indices: [number, number];
}

export type TweetEntity = TweetUrl | TweetHashtag | TweetMention | TweetCashtag;

const astral = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
const codePoint = `(?:[^\\uD800-\\uDFFF]|${astral})`;
const alpha = `(?:[${bmpLetterAndMarks}]|(?=${astral})(?:${astralLetterAndMarks}))`;
const alphaNumeric = `(?:[${bmpLetterAndMarks}${bmpNumerals}${hashtagSpecialChars}]|(?=${astral})(?:${astralLetterAndMarks}|${astralNumerals}))`;
const hashtagBoundary = `(?:^|\\uFE0E|\\uFE0F|$|(?!${alphaNumeric}|&)${codePoint})`;
// Groups: 1 what precedes, 2 the hash sign, 3 the tag.
const hashtag = new RegExp(
  `(${hashtagBoundary})([#＃])(?!\\uFE0F|\\u20E3)(${alphaNumeric}*${alpha}${alphaNumeric}*)`,
  'gi',
);
const afterHashtag = /^(?:[#＃]|:\/\/)/;

// Groups: 1 what precedes, 2 the at sign, 3 the name, 4 the list.
const mention =
  /((?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?))([@＠])([a-zA-Z0-9_]{1,20})(\/[a-zA-Z][a-zA-Z0-9_-]{0,24})?/g;
const afterMention = new RegExp(`^(?:[@＠]|[${latinAccents}]|:\\/\\/)`);

// Groups: 1 what precedes, 2 the dollar, 3 the symbol.
const cashtag = new RegExp(`(^|[${spaces}])(\\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\\s|[${punct}])`, 'gi');

/** As twitter-text's `extractHashtagsWithIndices`: by default a tag inside a URL is no tag. */
export function extractTweetHashtags(text: string, options = { checkUrlOverlap: true }): TweetHashtag[] {
  if (!/[#＃]/.test(text)) return [];
  const tags: TweetHashtag[] = [];
  for (const match of allMatches(hashtag, text)) {
    const [whole, before, , tag] = match;
    if (afterHashtag.test(text.slice(match.index + whole.length))) continue;
    const start = match.index + before.length;
    tags.push({ hashtag: tag, indices: [start, start + tag.length + 1] });
  }
  if (!options.checkUrlOverlap) return tags;
  const urls = extractTweetUrls(text);
  if (urls.length === 0) return tags;
  return withoutOverlaps([...tags, ...urls]).filter((entity): entity is TweetHashtag => 'hashtag' in entity);
}

/** As twitter-text's `extractMentionsOrListsWithIndices`. */
export function extractTweetMentions(text: string): TweetMention[] {
  if (!/[@＠]/.test(text)) return [];
  const names: TweetMention[] = [];
  for (const match of allMatches(mention, text)) {
    const [whole, before, , screenName, listSlug = ''] = match;
    if (afterMention.test(text.slice(match.index + whole.length))) continue;
    const start = match.index + before.length;
    names.push({ screenName, listSlug, indices: [start, start + screenName.length + listSlug.length + 1] });
  }
  return names;
}

/** As twitter-text's `extractCashtagsWithIndices`. */
export function extractTweetCashtags(text: string): TweetCashtag[] {
  if (!text.includes('$')) return [];
  const tags: TweetCashtag[] = [];
  for (const match of allMatches(cashtag, text)) {
    const [, before, , symbol] = match;
    const start = match.index + before.length;
    tags.push({ cashtag: symbol, indices: [start, start + symbol.length + 1] });
  }
  return tags;
}

/** As twitter-text's `extractEntitiesWithIndices`: URLs, mentions, hashtags and cashtags, in order, none overlapping. */
export function extractTweetEntities(text: string, options?: TweetUrlOptions): TweetEntity[] {
  return withoutOverlaps([
    ...extractTweetUrls(text, options),
    ...extractTweetMentions(text),
    ...extractTweetHashtags(text, { checkUrlOverlap: false }),
    ...extractTweetCashtags(text),
  ]);
}

/** Sorted by start; an entity that starts inside the one before it is dropped (the earlier kind wins a tie). */
function withoutOverlaps<T extends { indices: [number, number] }>(entities: T[]): T[] {
  const sorted = [...entities].sort((a, b) => a.indices[0] - b.indices[0]);
  const kept: T[] = [];
  for (const entity of sorted) {
    const previous = kept.at(-1);
    if (!previous || previous.indices[1] <= entity.indices[0]) kept.push(entity);
  }
  return kept;
}
