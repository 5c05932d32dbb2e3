import { countGraphemes } from './measure-length.js';
import { extractTweetEntities } from './tweet-entities.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Dropped from the end of a cut text before the ellipsis: spaces, dashes, openers, commas… */
const trailing = /[\s\p{Pd}\p{Ps}\p{Pi}\p{Po}]/u;

export interface TextShortener {
  /** The text, unshortened. */
  readonly text: string;
  /**
   * The longest version of the text that `fits` accepts: the text itself, or a prefix ending
   * at a word boundary followed by "…". Falls back to a grapheme boundary when no word
   * boundary leaves at least `minGraphemes` (one very long word, or a language without
   * spaces where the segmenter finds no words). Undefined when nothing of at least
   * `minGraphemes` fits; an empty result is never returned.
   */
  longest(
    fits: (candidate: string) => boolean,
    minGraphemes?: number,
    wholeWords?: boolean,
  ): string | undefined;
}

/**
 * Prepares a text for repeated shortening. Cut points are only ever placed between
 * graphemes (an emoji family, a flag or a letter with its accents stays whole) and never
 * inside a URL, hashtag or mention, so a cut never leaves half a link or half a tag.
 *
 * @example
 * textShortener('Een gesprek over wonen en zorg', 'nl').longest((s) => s.length <= 20)
 * // 'Een gesprek over…'
 */
export function textShortener(text: string, language: string): TextShortener {
  const boundaries = new Set<number>([text.length]);
  for (const { index } of graphemes.segment(text)) boundaries.add(index);

  const entities = text ? extractTweetEntities(text) : [];
  const urlEnds = new Set<number>();
  const entityEnds = new Set<number>();
  for (const entity of entities) {
    entityEnds.add(entity.indices[1]);
    if ('url' in entity) urlEnds.add(entity.indices[1]);
  }
  const insideEntity = (at: number) => entities.some(({ indices: [start, end] }) => start < at && at < end);
  const allowed = (at: number) => at > 0 && boundaries.has(at) && !insideEntity(at);

  const words = new Set<number>([text.length]);
  for (const { index } of new Intl.Segmenter(language, { granularity: 'word' }).segment(text))
    words.add(index);
  const wordCuts = [...words].filter(allowed).sort((a, b) => a - b);
  const graphemeCuts = [...boundaries].filter(allowed).sort((a, b) => a - b);

  const cutAt = (cut: number): string => {
    if (cut >= text.length) return text;
    let end = cut;
    while (end > 0 && !entityEnds.has(end) && boundaries.has(end - 1) && trailing.test(text[end - 1])) end--;
    if (end === 0) return '';
    // "…" right after a URL could be read as part of it; a space keeps the link intact.
    return `${text.slice(0, end)}${urlEnds.has(end) ? ' ' : ''}…`;
  };

  const search = (cuts: number[], fits: (candidate: string) => boolean): string | undefined => {
    let best: string | undefined;
    // True when the answer lies at or right of `index`. Only leading spaces and punctuation
    // give an empty candidate, so those also point right.
    const probe = (index: number): boolean => {
      const candidate = cutAt(cuts[index]);
      if (candidate === '') return true;
      if (!fits(candidate)) return false;
      best = candidate;
      return true;
    };
    let low = 0;
    let high = cuts.length - 1;
    // Gallop first (prefixes of 64, 128, 256… code units), then halve: a longer prefix
    // never measures shorter, and a prefix far beyond any limit is never measured at all,
    // which matters because the URL scan (twitter-text's pattern) is quadratic on long runs
    // without spaces.
    for (let size = 64; low <= high; size *= 2) {
      const index = lastAtMost(cuts, size);
      if (index >= low) {
        if (!probe(index)) {
          high = index - 1;
          break;
        }
        low = index + 1;
      }
      if (index === cuts.length - 1) break;
    }
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (probe(middle)) low = middle + 1;
      else high = middle - 1;
    }
    return best;
  };

  return {
    text,
    longest(fits, minGraphemes = 1, wholeWords = false) {
      const enough = (candidate: string | undefined) =>
        candidate !== undefined && countGraphemes(candidate) >= Math.max(1, minGraphemes);
      const byWord = search(wordCuts, fits);
      if (enough(byWord)) return byWord;
      // A summary is better left out than cut inside a word.
      if (wholeWords) return undefined;
      const byGrapheme = search(graphemeCuts, fits);
      return enough(byGrapheme) ? byGrapheme : undefined;
    },
  };
}

/** The index of the last value in ascending `values` that is at most `limit`, or -1. */
function lastAtMost(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle] <= limit) low = middle + 1;
    else high = middle - 1;
  }
  return high;
}
