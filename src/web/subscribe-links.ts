/** The podcast apps a show page offers, in the order people in the Netherlands use them most. */
export const subscribeApps = [
  'apple',
  'spotify',
  'youtube',
  'pocketcasts',
  'overcast',
  'antennapod',
  'podcastaddict',
  'castbox',
] as const;

export type SubscribeApp = (typeof subscribeApps)[number];

export const appNames: Record<SubscribeApp, string> = {
  apple: 'Apple Podcasts',
  spotify: 'Spotify',
  youtube: 'YouTube Music',
  pocketcasts: 'Pocket Casts',
  overcast: 'Overcast',
  antennapod: 'AntennaPod',
  podcastaddict: 'Podcast Addict',
  castbox: 'Castbox',
};

/**
 * Links that open the app and subscribe it to a feed URL, for the apps that have one. Spotify,
 * YouTube Music and Castbox list a show only after it was submitted to them, so they get a button
 * only when staff fill in the show's page there.
 */
const byFeedUrl: Partial<Record<SubscribeApp, (feed: string) => string>> = {
  // Apple Podcasts opens podcast:// URLs on macOS and iOS and offers to follow the feed.
  apple: (feed) => feed.replace(/^https?:/, 'podcast:'),
  pocketcasts: (feed) => `pktc://subscribe/${feed.replace(/^https?:\/\//, '')}`,
  overcast: (feed) => `overcast://x-callback-url/add?url=${encodeURIComponent(feed)}`,
  // AntennaPod's web deeplink opens the app when installed and explains how to get it when not.
  antennapod: (feed) => `https://antennapod.org/deeplink/subscribe?url=${encodeURIComponent(feed)}`,
  podcastaddict: (feed) => `podcastaddict://${feed.replace(/^https?:\/\//, '')}`,
};

export interface SubscribeLink {
  app: SubscribeApp;
  name: string;
  url: string;
  /** 'directory': the show's page in the app's catalogue; 'feed': the app subscribes to our feed. */
  kind: 'directory' | 'feed';
}

/** One button per app: its directory page when staff filled it in, else its subscribe-by-feed link. */
export function subscribeLinks(feedUrl: string, directory: Record<string, string>): SubscribeLink[] {
  const links: SubscribeLink[] = [];
  for (const app of subscribeApps) {
    const listed = directory[app];
    const byFeed = byFeedUrl[app];
    if (listed) links.push({ app, name: appNames[app], url: listed, kind: 'directory' });
    else if (byFeed) links.push({ app, name: appNames[app], url: byFeed(feedUrl), kind: 'feed' });
  }
  return links;
}
