import { cleanText } from './clean-text.js';
import { countGraphemes } from './measure-length.js';

/** Bluesky's tag facet allows 64 graphemes; longer tags are dropped, never cut. */
const MAX_TAG_GRAPHEMES = 64;

/**
 * The show's hashtags as bare tags ("mensenrechten"), in order, without duplicates.
 * Staff may type "#Mensen rechten" or "gemeenten,"; a tag keeps only letters, marks, digits
 * and underscores, as every platform ends a tag at anything else, and a tag of digits only
 * ("#2025") is skipped because X, Mastodon, Bluesky and Threads do not link it.
 */
export function normalizeHashtags(tags: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags ?? []) {
    const tag = cleanText(raw).replace(/[^\p{L}\p{M}\p{N}_]/gu, '');
    if (!tag || /^[\p{N}_]+$/u.test(tag) || countGraphemes(tag) > MAX_TAG_GRAPHEMES) continue;
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}
