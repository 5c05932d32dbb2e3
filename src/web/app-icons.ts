import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SubscribeApp } from './subscribe-links.js';

/** simple-icons (CC0) file names of each app's logo, plus the RSS symbol for the feed. */
const files: Record<SubscribeApp | 'rss', string> = {
  apple: 'applepodcasts',
  spotify: 'spotify',
  youtube: 'youtubemusic',
  pocketcasts: 'pocketcasts',
  overcast: 'overcast',
  antennapod: 'antennapod',
  podcastaddict: 'podcastaddict',
  castbox: 'castbox',
  rss: 'rss',
};

export type AppIcons = Record<SubscribeApp | 'rss', string>;

/**
 * The SVG path of each app's logo, read from the simple-icons package once at start. Drawn
 * inline in the page in the text colour: no request, no third party, and the contrast of the text.
 */
export function loadAppIcons(): AppIcons {
  const require = createRequire(import.meta.url);
  const icons = {} as AppIcons;
  for (const [app, file] of Object.entries(files)) {
    const svg = readFileSync(require.resolve(`simple-icons/icons/${file}.svg`), 'utf8');
    icons[app as keyof AppIcons] = /\sd="([^"]+)"/.exec(svg)?.[1] ?? '';
  }
  return icons;
}
