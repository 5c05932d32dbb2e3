import type { EpisodeUrls } from './episode.js';
import type { ShowUrls } from './show.js';

/**
 * Every public URL zender hands out, from BASE_URL. Enclosures use the path frozen at first
 * publish so a published episode's URL never changes, whatever happens to its slugs.
 */
export function createPublicUrls(baseUrl: string): ShowUrls &
  EpisodeUrls & {
    base: string;
    episodePage(showSlug: string, episodeSlug: string): string;
    showPage(showSlug: string): string;
    embed(episodeId: string): string;
  } {
  return {
    base: baseUrl,
    feedUrl: (slug) => `${baseUrl}/feeds/${slug}.xml`,
    showArtworkUrl: (slug, artwork) => (artwork ? `${baseUrl}/media/${slug}/artwork-1400.jpg` : null),
    episodeArtworkUrl: (showSlug, episodeSlug, artwork) =>
      artwork ? `${baseUrl}/media/${showSlug}/${episodeSlug}/artwork-1400.jpg` : null,
    audioUrl: (showSlug, episodeSlug, enclosurePath) =>
      `${baseUrl}/media/${enclosurePath ?? `${showSlug}/${episodeSlug}.mp3`}`,
    episodePage: (showSlug, episodeSlug) => `${baseUrl}/shows/${showSlug}/${episodeSlug}`,
    showPage: (showSlug) => `${baseUrl}/shows/${showSlug}`,
    embed: (episodeId) => `${baseUrl}/embed/episodes/${episodeId}`,
  };
}

export type PublicUrls = ReturnType<typeof createPublicUrls>;
