import { createRequire } from 'node:module';
import type TwitterText from 'twitter-text';

const require = createRequire(import.meta.url);
let loaded: typeof TwitterText | undefined;

/**
 * twitter-text loads core-js 2, whose polyfills make every regex `replace` in the whole process
 * about ten times slower (found with `npm run bench`: feed builds). Loaded on the first draft
 * instead of at start, so processes that never build social drafts never pay for it.
 */
export function twitterText(): typeof TwitterText {
  loaded ??= require('twitter-text') as typeof TwitterText;
  return loaded;
}
