import type { parseFeed } from 'podcast-partytime';
import { isPodcastLicenseId } from '../domain/podcast-licenses.js';
import { geoUriProblem, OSM_ID } from '../domain/podcast-location.js';
import type { PodrollEntry, ShowLicense, ShowLocation } from '../domain/show-feed-tags.js';

type PartytimeFeed = NonNullable<ReturnType<typeof parseFeed>>;

/** The channel tags a show keeps from its old feed, held to the rules the API holds them to. */
export interface FeedChannelTags {
  license: ShowLicense | null;
  block: boolean;
  complete: boolean;
  location: ShowLocation | null;
  podroll: PodrollEntry[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const short = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 128) : '');

function httpUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A listed id stays an id; anything else partytime could give a URL for (its own SPDX copy, or
 * the tag's url) becomes a custom license. A text without either is what partytime drops.
 */
function licenseOf(feed: PartytimeFeed, base: string): ShowLicense | null {
  const identifier = short(feed.license?.identifier);
  if (!identifier) return null;
  if (isPodcastLicenseId(identifier.toLowerCase())) return identifier.toLowerCase();
  const url = httpUrl(feed.license?.url, base);
  return url ? { name: identifier, url } : null;
}

/** The name is kept; a geo URI or OSM id apps could not use is left out rather than copied. */
function locationOf(feed: PartytimeFeed): ShowLocation | null {
  const source = feed.podcastLocation;
  const name = short(source?.name);
  if (!source || !name) return null;
  const geo = source.geo?.trim();
  const osm = source.osm?.trim().toUpperCase();
  return {
    name,
    ...(geo && !geoUriProblem(geo) ? { geo } : {}),
    ...(osm && OSM_ID.test(osm) ? { osm } : {}),
  };
}

function podrollOf(feed: PartytimeFeed, base: string): PodrollEntry[] {
  return (feed.podroll ?? [])
    .filter((item) => GUID.test(item.feedGuid ?? ''))
    .slice(0, 50)
    .map((item) => {
      const feedUrl = httpUrl(item.feedUrl, base);
      const title = short(item.title);
      return {
        feedGuid: item.feedGuid.toLowerCase(),
        ...(feedUrl ? { feedUrl } : {}),
        ...(title ? { title } : {}),
      };
    });
}

/**
 * podcast:updateFrequency is not read: podcast-partytime 5 does not parse it, and a second XML
 * parse of a 20 MB feed for one tag is not worth it; the schedule is set again in zender.
 */
export function readFeedTags(feed: PartytimeFeed, feedUrl: string): FeedChannelTags {
  return {
    license: licenseOf(feed, feedUrl),
    block: Boolean(feed.itunesBlock),
    complete: Boolean(feed.itunesComplete),
    location: locationOf(feed),
    podroll: podrollOf(feed, feedUrl),
  };
}
