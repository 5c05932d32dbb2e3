import { describe, expect, it } from 'vitest';
import { createUserAgentClassifier, WEB_PLAYER } from './user-agent-kind.js';

describe('user agents', () => {
  const classify = createUserAgentClassifier();

  it('names apps and devices from the OPAWG lists', () => {
    expect(classify('Podcasts/1650.20 CFNetwork/1568.100.1 Darwin/24.0.0')).toEqual({
      counts: true,
      app: 'Apple Podcasts',
      device: 'Apple iPhone',
    });
    expect(classify('AntennaPod/3.4.0')).toMatchObject({ counts: true, app: 'AntennaPod' });
  });

  it('leaves out OPAWG bots, what isbot knows, libraries marked as bots, and requests without an agent', () => {
    expect(
      classify('com.apple.mobilenotes.SharingExtension/2511 CFNetwork/1494.0.7 Darwin/23.4.0'),
    ).toMatchObject({
      counts: false,
      reason: 'bot',
    });
    expect(classify('Mozilla/5.0 (compatible; SomeNewCrawler/1.0; +https://example.org/bot)')).toMatchObject({
      counts: false,
      reason: 'bot',
    });
    expect(classify('python-requests/2.31')).toMatchObject({ counts: false });
    expect(classify('')).toMatchObject({ counts: false, reason: 'no-user-agent' });
  });

  it("drops the watch's atc request of the pair and files its media request under Apple Watch", () => {
    expect(classify('atc/1.0 watchOS/7.3 model/Watch6,4 hwp/t8301 build/18S801 (6; dt:227)')).toMatchObject({
      counts: false,
      reason: 'watch-duplicate',
    });
    expect(
      classify('AppleCoreMedia/1.0.0.18S821 (Apple Watch; U; CPU OS 7_3_2 like Mac OS X; de_de)'),
    ).toMatchObject({
      counts: true,
      device: 'Apple Watch',
    });
  });

  it('files plays of zender’s own player under the web player, whatever the browser', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
    expect(classify(chrome)).toMatchObject({ app: 'Chrome' });
    expect(classify(chrome, true)).toMatchObject({ app: WEB_PLAYER });
  });
});
