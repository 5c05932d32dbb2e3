import { v5 as uuidv5 } from 'uuid';

/** The "podcast" namespace UUID fixed by the Podcasting 2.0 podcast:guid spec. */
export const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6';

/**
 * The podcast:guid for a feed URL: UUIDv5 of the URL with its scheme and trailing slashes removed,
 * so http/https and `/` variants of one feed give the same identity.
 *
 * Compute it once, when the show is created, and store it: the spec wants the guid to follow the
 * podcast for life, also after the feed URL changes.
 *
 * @example
 * podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml') // '917393e3-1b1e-5cef-ace4-edaa54e1f810'
 */
export function podcastGuid(feedUrl: string): string {
  const seed = feedUrl
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '');
  return uuidv5(seed, PODCAST_GUID_NAMESPACE);
}
