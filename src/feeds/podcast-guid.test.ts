import { describe, expect, it } from 'vitest';
import { podcastGuid } from './podcast-guid.js';

describe('podcastGuid', () => {
  // The two examples on the spec's guid page (Podcastindex-org/podcast-namespace, docs/tags/guid.md).
  it.each([
    ['https://mp3s.nashownotes.com/pc20rss.xml', '917393e3-1b1e-5cef-ace4-edaa54e1f810'],
    ['https://podnews.net/rss', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
  ])('%s → %s', (feedUrl, guid) => {
    expect(podcastGuid(feedUrl)).toBe(guid);
  });

  it('ignores the scheme and trailing slashes', () => {
    const guid = podcastGuid('mp3s.nashownotes.com/pc20rss.xml');
    expect(podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml')).toBe(guid);
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml//')).toBe(guid);
  });

  it('keeps the path, so two feeds on one host differ', () => {
    expect(podcastGuid('https://zender.example/feeds/a.xml')).not.toBe(
      podcastGuid('https://zender.example/feeds/b.xml'),
    );
  });
});
