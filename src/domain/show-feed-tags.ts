import type { ShowExtra } from '../db/codecs/show-codec.js';
import type { ShowLicense } from './podcast-licenses.js';
import type { ShowLocation } from './podcast-location.js';

export type { ShowLicense } from './podcast-licenses.js';
export type { ShowLocation } from './podcast-location.js';

/** A show this one recommends (podcast:podroll → podcast:remoteItem). */
export interface PodrollEntry {
  /** The other show's podcast:guid: apps find it by this, whatever its feed URL becomes. */
  feedGuid: string;
  feedUrl?: string;
  title?: string;
}

/** The intended release schedule (podcast:updateFrequency). */
export interface UpdateFrequency {
  /** For people: "Elke twee weken op maandag". */
  text: string;
  /** RFC 5545 recurrence rule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO`. */
  rrule?: string;
  /** No more episodes are planned. */
  complete?: boolean;
  /** When the rule starts: an ISO 8601 date or date-time. */
  dtstart?: string;
}

/** Channel tags Apple and Podcasting 2.0 apps read, kept in the show's extra column. */
export interface ShowFeedTags {
  /** itunes:block: the show stays out of Apple Podcasts' directory. */
  block: boolean;
  /** itunes:complete: no new episodes will come. */
  complete: boolean;
  location: ShowLocation | null;
  podroll: PodrollEntry[];
  updateFrequency: UpdateFrequency | null;
}

export function feedTagsOf(extra: ShowExtra): ShowFeedTags {
  return {
    block: extra.block ?? false,
    complete: extra.complete ?? false,
    location: extra.location ?? null,
    podroll: extra.podroll ?? [],
    updateFrequency: extra.updateFrequency ?? null,
  };
}

/**
 * The two license columns as one value: `license` alone is a listed id; with `license_url` it is
 * the name of a custom license (migration 0081 turned the older free text into one of these).
 */
export function licenseOf(row: { license: string | null; license_url?: string | null }): ShowLicense | null {
  if (row.license === null) return null;
  if (row.license_url) return { name: row.license, url: row.license_url };
  return row.license;
}

/** The columns for a license value. */
export function licenseColumns(license: ShowLicense | null): {
  license: string | null;
  license_url: string | null;
} {
  if (license === null) return { license: null, license_url: null };
  if (typeof license === 'string') return { license, license_url: null };
  return { license: license.name, license_url: license.url };
}
