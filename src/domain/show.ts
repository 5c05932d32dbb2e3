import type { Person } from '../db/codecs/shared-schemas.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { Channel as SocialChannel } from '../social/channels.js';
import {
  feedTagsOf,
  licenseOf,
  type PodrollEntry,
  type ShowLicense,
  type ShowLocation,
  type UpdateFrequency,
} from './show-feed-tags.js';

export type { Person } from '../db/codecs/shared-schemas.js';

/** The public JSON shape of a show (the Show schema of /openapi.json). */
export interface Show {
  id: string;
  slug: string;
  title: string;
  description: string;
  language: string;
  author: string;
  owner: { name: string; email: string };
  categories: string[];
  explicit: boolean;
  type: 'episodic' | 'serial';
  link: string | null;
  copyright: string | null;
  /** podcast:license: a listed id (`cc-by-4.0`) or a custom license with its URL. */
  license: ShowLicense | null;
  locked: boolean;
  funding: { url: string; title: string }[];
  /** itunes:block: kept out of Apple Podcasts' directory. */
  block: boolean;
  /** itunes:complete: no more episodes will come. */
  complete: boolean;
  location: ShowLocation | null;
  podroll: PodrollEntry[];
  updateFrequency: UpdateFrequency | null;
  guid: string;
  feedUrl: string;
  newFeedUrl: string | null;
  /** Moved away: itunes:new-feed-url now, a 301 to feedUrl from redirectAfter on. */
  movedTo: MovedTo | null;
  artworkUrl: string | null;
  loudnessTargetLufs: number | null;
  social: { channels: SocialChannel[]; hashtags: string[] };
  persons: Person[];
  /** Podcast app links for the public page, e.g. { apple: url, spotify: url }. */
  subscribe: Record<string, string>;
  /** Origins allowed to frame the embed player; empty means any. */
  embedAllowlist: string[];
  /** podcast:txt purpose="verify" values (platform ownership checks). */
  txtVerify: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ShowInput {
  slug?: string;
  title: string;
  description: string;
  language?: string;
  author: string;
  owner: { name?: string; email: string };
  categories?: string[];
  explicit?: boolean;
  type?: 'episodic' | 'serial';
  link?: string | null;
  copyright?: string | null;
  license?: ShowLicense | null;
  locked?: boolean;
  funding?: { url: string; title: string }[];
  block?: boolean;
  complete?: boolean;
  location?: ShowLocation | null;
  podroll?: PodrollEntry[];
  updateFrequency?: UpdateFrequency | null;
  loudnessTargetLufs?: number | null;
  social?: { channels?: SocialChannel[]; hashtags?: string[] };
  persons?: Person[];
  newFeedUrl?: string | null;
  movedTo?: MovedTo | null;
  subscribe?: Record<string, string>;
  embedAllowlist?: string[];
  txtVerify?: string[];
}

export type ShowPatch = Partial<ShowInput>;

export interface ShowUrls {
  feedUrl(slug: string): string;
  showArtworkUrl(slug: string, artwork: unknown): string | null;
}

/** The show-row → public JSON mapping, the only one. */
export function toShow(row: ShowRecord, urls: ShowUrls): Show {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    language: row.language,
    author: row.author,
    owner: { name: row.owner_name, email: row.owner_email },
    categories: row.categories,
    explicit: row.explicit === 1,
    type: row.type,
    link: row.link,
    copyright: row.copyright,
    license: licenseOf(row),
    locked: row.locked === 1,
    funding: row.funding,
    ...feedTagsOf(row.extra),
    guid: row.guid,
    feedUrl: urls.feedUrl(row.slug),
    newFeedUrl: row.new_feed_url,
    movedTo: movedToOf(row.extra),
    artworkUrl: urls.showArtworkUrl(row.slug, row.artwork),
    loudnessTargetLufs: row.loudness_target_lufs,
    social: { channels: row.social.channels, hashtags: row.social.hashtags },
    persons: row.persons,
    ...settingsOf(row.extra),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Channel settings kept in the extra JSON column (added after the first schema). */
export interface ShowSettings {
  subscribe: Record<string, string>;
  embedAllowlist: string[];
  txtVerify: string[];
}

export function settingsOf(extra: ShowRecord['extra']): ShowSettings {
  return {
    subscribe: extra.subscribe ?? {},
    embedAllowlist: extra.embedAllowlist ?? [],
    txtVerify: extra.txtVerify ?? [],
  };
}

export interface MovedTo {
  feedUrl: string;
  redirectAfter: string;
}

/** Reads a show's extra column, raw (JSON text) or decoded. */
export function movedToOf(extra: string | Record<string, unknown>): MovedTo | null {
  const parsed = (typeof extra === 'string' ? JSON.parse(extra) : extra) as { movedTo?: MovedTo };
  return parsed.movedTo ?? null;
}

/** A moved show's feed answers 301 to its new URL once the grace period is over. */
export function feedRedirect(extra: string | Record<string, unknown>, now: Date): string | null {
  const moved = movedToOf(extra);
  return moved && new Date(moved.redirectAfter).getTime() <= now.getTime() ? moved.feedUrl : null;
}
