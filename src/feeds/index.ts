/**
 * feeds/: show and episodes in, RSS XML out. Pure: no I/O, no imports from the rest of the app.
 */
export { buildFeed } from './build-feed.js';
export type {
  FeedEpisode,
  FeedFunding,
  FeedLicense,
  FeedMedium,
  FeedPerson,
  FeedShow,
  FeedSoundbite,
  FeedTranscript,
  FeedTranscriptType,
} from './feed-input.js';
export { PODCAST_GUID_NAMESPACE, podcastGuid } from './podcast-guid.js';
