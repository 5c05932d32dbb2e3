/**
 * The seven channels a show can announce an episode on, and each one's rules.
 * The numbers are the platforms' own published limits; `counting` names the way each
 * platform counts, implemented in measure-length.ts.
 */
export const channels = ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'threads', 'instagram'] as const;

export type Channel = (typeof channels)[number];

/**
 * - `twitter-text`: X's weighted length as its official library twitter-text computes it
 *   (URLs 23, CJK and emoji 2), in weighted-length.ts without loading that library.
 * - `graphemes`: user-perceived characters (Intl.Segmenter), as Bluesky's lexicon does.
 * - `mastodon`: code points with every URL counted as 23.
 * - `threads`: code points, but an emoji counts as its UTF-8 byte length (Meta's API docs).
 * - `utf16`: UTF-16 code units; Meta and LinkedIn publish no counting rule, and code units
 *   are never fewer than code points or graphemes, so a draft that fits here fits there.
 */
export type Counting = 'twitter-text' | 'graphemes' | 'mastodon' | 'threads' | 'utf16';

export interface ChannelRules {
  /** Name to show staff. */
  label: string;
  /** Maximum length, in the channel's own counting. */
  limit: number;
  counting: Counting;
  /** A second, byte-based limit on the UTF-8 text (Bluesky: 3000 beside its 300 graphemes). */
  maxBytes?: number;
  /** How many of the show's hashtags to append; 0 means the channel gets none. */
  maxHashtags: number;
  /** False where links in the text are not clickable: the draft says where the link is instead. */
  clickableLinks: boolean;
  /** The utm_source value of the channel's link. */
  utmSource: string;
}

export const channelRules: Readonly<Record<Channel, Readonly<ChannelRules>>> = Object.freeze({
  // Hashtags are how Mastodon content is found (there is no algorithmic feed), so use them all.
  mastodon: {
    label: 'Mastodon',
    limit: 500,
    counting: 'mastodon',
    maxHashtags: 10,
    clickableLinks: true,
    utmSource: 'mastodon',
  },
  // app.bsky.feed.post text: maxGraphemes 300 and maxLength 3000 (bytes).
  bluesky: {
    label: 'Bluesky',
    limit: 300,
    counting: 'graphemes',
    maxBytes: 3000,
    maxHashtags: 5,
    clickableLinks: true,
    utmSource: 'bluesky',
  },
  linkedin: {
    label: 'LinkedIn',
    limit: 3000,
    counting: 'utf16',
    maxHashtags: 5,
    clickableLinks: true,
    utmSource: 'linkedin',
  },
  // Two hashtags at most: on X more reads as spam and costs scarce characters.
  x: {
    label: 'X',
    limit: 280,
    counting: 'twitter-text',
    maxHashtags: 2,
    clickableLinks: true,
    utmSource: 'x',
  },
  // Hashtags do little on Facebook and look out of place on a public body's page.
  facebook: {
    label: 'Facebook',
    limit: 63206,
    counting: 'utf16',
    maxHashtags: 0,
    clickableLinks: true,
    utmSource: 'facebook',
  },
  // Threads turns only the first tag of a post into its topic.
  threads: {
    label: 'Threads',
    limit: 500,
    counting: 'threads',
    maxHashtags: 1,
    clickableLinks: true,
    utmSource: 'threads',
  },
  // Instagram captions do not link; Instagram allows at most five hashtags per post.
  instagram: {
    label: 'Instagram',
    limit: 2200,
    counting: 'utf16',
    maxHashtags: 5,
    clickableLinks: false,
    utmSource: 'instagram',
  },
});

/** Narrows a stored or submitted string to a known channel. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}
