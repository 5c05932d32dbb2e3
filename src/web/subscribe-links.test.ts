import { describe, expect, it } from 'vitest';
import { subscribeLinks } from './subscribe-links.js';

const feed = 'https://podcast.example.nl/feeds/mensenrechten.xml';

describe('subscribeLinks', () => {
  it('subscribes by feed URL in the apps that can, and leaves out catalogue-only apps without a page', () => {
    const links = Object.fromEntries(subscribeLinks(feed, {}).map((l) => [l.app, l.url]));
    expect(links).toEqual({
      apple: 'podcast://podcast.example.nl/feeds/mensenrechten.xml',
      pocketcasts: 'pktc://subscribe/podcast.example.nl/feeds/mensenrechten.xml',
      overcast: `overcast://x-callback-url/add?url=${encodeURIComponent(feed)}`,
      antennapod: `https://antennapod.org/deeplink/subscribe?url=${encodeURIComponent(feed)}`,
      podcastaddict: 'podcastaddict://podcast.example.nl/feeds/mensenrechten.xml',
    });
  });

  it("prefers the show's directory page where staff filled it in, in a stable order", () => {
    const links = subscribeLinks(feed, {
      spotify: 'https://open.spotify.com/show/abc',
      apple: 'https://podcasts.apple.com/nl/podcast/id123',
      castbox: 'https://castbox.fm/channel/id42',
    });
    expect(links.map((l) => [l.app, l.kind])).toEqual([
      ['apple', 'directory'],
      ['spotify', 'directory'],
      ['pocketcasts', 'feed'],
      ['overcast', 'feed'],
      ['antennapod', 'feed'],
      ['podcastaddict', 'feed'],
      ['castbox', 'directory'],
    ]);
    expect(links[0].url).toBe('https://podcasts.apple.com/nl/podcast/id123');
  });
});
