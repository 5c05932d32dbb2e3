import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { EpisodeUpdate } from '../db/database.js';

/** Episode fields the delivery MP3 carries in its ID3 tag (processing writes them). */
const taggedFields = ['title', 'summary'] as const satisfies readonly (keyof EpisodeUpdate)[];

/** True when an edit changes what the delivered file's tag says: it must be rewritten. */
export function changesDeliveryTags(before: EpisodeRecord, after: EpisodeRecord): boolean {
  return Boolean(after.audio) && taggedFields.some((field) => before[field] !== after[field]);
}

/** Show fields every delivery MP3 of the show carries: the title as album, the author as artist. */
type TaggedShowFields = Pick<ShowRecord, 'title' | 'author'>;

/** True when a show edit makes its episodes' delivered tags stale: each must be rewritten. */
export function showChangesDeliveryTags(before: TaggedShowFields, after: TaggedShowFields): boolean {
  return before.title !== after.title || before.author !== after.author;
}
