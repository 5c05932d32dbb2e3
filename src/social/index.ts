/** The social module's public surface: episode data in, one draft per channel out. */
export { addUtm } from './add-utm.js';
export {
  type BlueskyFacet,
  type BlueskyLinkFeature,
  type BlueskyTagFeature,
  blueskyFacets,
} from './bluesky-facets.js';
export {
  type BuildDraftsInput,
  buildDrafts,
  type Draft,
  type DraftEpisode,
  type DraftShow,
} from './build-drafts.js';
export {
  type Channel,
  type ChannelRules,
  type Counting,
  channelRules,
  channels,
  isChannel,
} from './channels.js';
export type { Guest } from './format-guests.js';
export { fitsLimit, measureLength } from './measure-length.js';
export {
  builtInTemplates,
  type Language,
  linkInBio,
  type Placeholder,
  placeholders,
  resolveLanguage,
} from './templates.js';
