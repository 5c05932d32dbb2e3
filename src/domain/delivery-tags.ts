import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { EpisodeUpdate } from '../db/database.js';

/** Episode fields the delivery MP3 carries in its ID3 tag (processing writes them). */
const taggedFields = ['title', 'summary'] as const satisfies readonly (keyof EpisodeUpdate)[];

/** True when an edit changes what the delivered file's tag says: it must be rewritten. */
export function changesDeliveryTags(before: EpisodeRecord, after: EpisodeRecord): boolean {
  return Boolean(after.audio) && taggedFields.some((field) => before[field] !== after[field]);
}
