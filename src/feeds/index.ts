/**
 * feeds/: show and episodes in, RSS XML out. Pure: no I/O, no imports from the rest of the app.
 */
export { buildFeed } from './build-feed.js';
export type {
  FeedEpisode,
  FeedFunding,
  FeedLicense,
  FeedLocation,
  FeedMedium,
  FeedPerson,
  FeedRemoteFeed,
  FeedShow,
  FeedSoundbite,
  FeedTranscript,
  FeedTranscriptType,
  FeedUpdateFrequency,
} from './feed-input.js';
export { PODCAST_GUID_NAMESPACE, podcastGuid } from './podcast-guid.js';
