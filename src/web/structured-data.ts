import type { PublicEpisode } from '../domain/public-episode-view.js';
import type { PublicShow } from '../domain/public-show-view.js';
import { isoDuration } from './format-time.js';

/** schema.org PodcastSeries for the show page. */
export function seriesJsonLd(show: PublicShow) {
  return {
    '@context': 'https://schema.org',
    '@type': 'PodcastSeries',
    name: show.title,
    description: show.descriptionText,
    url: show.pageUrl,
    webFeed: show.feedUrl,
    inLanguage: show.language,
    ...(show.artworkLargeUrl ? { image: show.artworkLargeUrl } : {}),
    author: { '@type': 'Organization', name: show.author },
    ...(show.copyright ? { copyrightNotice: show.copyright } : {}),
  };
}

/** schema.org PodcastEpisode for the episode page. */
export function episodeJsonLd(show: PublicShow, episode: PublicEpisode) {
  return {
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    name: episode.title,
    description: episode.descriptionText || episode.summary || undefined,
    url: episode.pageUrl,
    inLanguage: show.language,
    ...(episode.publishedAt ? { datePublished: episode.publishedAt } : {}),
    ...(episode.number !== null ? { episodeNumber: episode.number } : {}),
    ...(episode.artworkUrl ? { image: episode.artworkUrl } : {}),
    timeRequired: isoDuration(episode.duration),
    duration: isoDuration(episode.duration),
    associatedMedia: {
      '@type': 'MediaObject',
      contentUrl: episode.audio.url,
      encodingFormat: episode.audio.type,
      contentSize: String(episode.audio.size),
    },
    partOfSeries: { '@type': 'PodcastSeries', name: show.title, url: show.pageUrl, webFeed: show.feedUrl },
    ...(episode.persons.length
      ? {
          actor: episode.persons.map((p) => ({
            '@type': 'Person',
            name: p.name,
            ...(p.href ? { url: p.href } : {}),
          })),
        }
      : {}),
  };
}
