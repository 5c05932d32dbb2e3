import { parseFeed } from 'podcast-partytime';
import { describe, expect, it } from 'vitest';
import { isPodcastLicenseId, podcastLicenses, podcastLicenseUrl } from './podcast-licenses.js';

/** A channel with only the license tag, as an app would read it. */
function readLicense(tag: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>t</title><link>https://example.nl</link><description>d</description>${tag}<item><title>i</title><guid>g</guid><enclosure url="https://example.nl/a.mp3" length="1" type="audio/mpeg"/></item></channel></rss>`;
  return parseFeed(xml)?.license;
}

describe('the podcast:license ids zender lists', () => {
  it('are lower-case SPDX ids that an app resolves, without a url, to the same SPDX page', () => {
    expect(podcastLicenses.length).toBeGreaterThanOrEqual(14);
    for (const license of podcastLicenses) {
      expect(license.id).toBe(license.id.toLowerCase());
      // podcast-partytime carries its own copy of the SPDX list: an id it cannot find is dropped.
      expect(readLicense(`<podcast:license>${license.id}</podcast:license>`), license.id).toEqual({
        identifier: license.id,
        url: license.url,
      });
    }
  });

  it('knows cc-by-4.0 and its page, and nothing that is not on the list', () => {
    expect(isPodcastLicenseId('cc-by-4.0')).toBe(true);
    expect(podcastLicenseUrl('cc-by-4.0')).toBe('https://spdx.org/licenses/CC-BY-4.0.html');
    expect(isPodcastLicenseId('CC-BY-4.0')).toBe(false);
    expect(isPodcastLicenseId('CC BY 4.0')).toBe(false);
    expect(podcastLicenseUrl('mit')).toBeNull();
    // The free text zender used to publish is what apps drop.
    expect(readLicense('<podcast:license>CC BY 4.0</podcast:license>')).toBeUndefined();
  });
});
