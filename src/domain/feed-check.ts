import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';

export interface FeedProblem {
  level: 'error' | 'warning';
  code: string;
  /** English, the check's own words. */
  message: string;
  episodeId?: string;
  /**
   * The finding in Dutch and English with its particulars (URL, status, sizes), for findings the
   * rules cannot foresee: reading the built feed back and probing its enclosures over HTTP.
   */
  messages?: { nl: string; en: string };
}

const maxDescriptionBytes = 4000;

/**
 * Apple Podcasts' and PSP-1's rules for a show and its episodes. Errors block publishing;
 * warnings are recommendations. `storedSize` gives the real size of an episode's audio file so
 * an enclosure length that lies is caught.
 */
export function checkFeed(
  show: ShowRecord,
  episodes: EpisodeRecord[],
  storedSize: (episode: EpisodeRecord) => number | null,
): FeedProblem[] {
  const problems: FeedProblem[] = [];
  const add = (level: FeedProblem['level'], code: string, message: string, episodeId?: string) =>
    problems.push({ level, code, message, ...(episodeId ? { episodeId } : {}) });

  if (!show.artwork)
    add('error', 'artwork_missing', 'The show has no artwork (JPEG or PNG, 1400–3000 px square).');
  else if (show.artwork.width < 1400)
    add('error', 'artwork_size', 'Show artwork is smaller than 1400 × 1400 px.');
  if (show.categories.length === 0)
    add('error', 'category_missing', 'The show has no Apple Podcasts category.');
  if (!show.owner_email) add('error', 'owner_email_missing', 'The show has no owner email (itunes:owner).');
  if (!show.description.trim()) add('error', 'description_missing', 'The show has no description.');
  if (Buffer.byteLength(show.description, 'utf8') > maxDescriptionBytes) {
    add('error', 'description_too_long', `The show description is over ${maxDescriptionBytes} bytes.`);
  }
  if (!show.language) add('error', 'language_missing', 'The show has no language.');
  if (!show.link)
    add('warning', 'link_missing', 'The show has no website link (recommended by Apple and PSP-1).');
  if (!show.copyright) add('warning', 'copyright_missing', 'The show has no copyright line (recommended).');
  if (show.locked !== 1)
    add('warning', 'not_locked', 'podcast:locked is "no": other hosts may import this feed.');

  // Two items with one enclosure URL play the same file; two with one guid are one episode to apps.
  const enclosureOf = (episode: EpisodeRecord) =>
    episode.enclosure_path ?? `${show.slug}/${episode.slug}.mp3`;
  for (const [code, key, what] of [
    ['enclosure_duplicate', enclosureOf, 'enclosure URL'],
    ['guid_duplicate', (episode: EpisodeRecord) => episode.guid, 'guid'],
  ] as const) {
    const groups = new Map<string, EpisodeRecord[]>();
    for (const episode of episodes) groups.set(key(episode), [...(groups.get(key(episode)) ?? []), episode]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const titles = group.map((episode) => `"${episode.title}"`).join(', ');
      for (const episode of group)
        add('error', code, `${titles} share one ${what}: apps would play or list them as one.`, episode.id);
    }
  }

  for (const episode of episodes) {
    const id = episode.id;
    if (!episode.title.trim()) add('error', 'episode_title_missing', 'An episode has no title.', id);
    if (!episode.audio) {
      add('error', 'enclosure_missing', `"${episode.title}" has no processed audio.`, id);
    } else {
      const audio = episode.audio;
      const actual = storedSize(episode);
      if (actual !== null && actual !== audio.size) {
        add(
          'error',
          'enclosure_length_mismatch',
          `"${episode.title}": enclosure length ${audio.size} does not match the stored file (${actual} bytes).`,
          id,
        );
      }
    }
    if (!episode.duration_seconds)
      add('warning', 'duration_missing', `"${episode.title}" has no duration.`, id);
    if (show.type === 'serial' && episode.number === null) {
      add(
        'error',
        'episode_number_missing',
        `"${episode.title}" needs an episode number: the show is serial.`,
        id,
      );
    }
    if (episode.description && Buffer.byteLength(episode.description, 'utf8') > maxDescriptionBytes) {
      add(
        'error',
        'episode_description_too_long',
        `"${episode.title}": the description is over ${maxDescriptionBytes} bytes.`,
        id,
      );
    }
    if (!episode.summary && !episode.description)
      add('warning', 'episode_description_missing', `"${episode.title}" has no description or summary.`, id);
  }
  return problems;
}
