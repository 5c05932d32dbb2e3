import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { ShowRecord } from '../db/codecs/show-codec.js';
import type { SocialDraftRecord } from '../db/codecs/social-draft-codec.js';
import type { SocialDraftRow } from '../db/database.js';
import type { PublicUrls } from '../domain/public-urls.js';
import {
  type BlueskyFacet,
  buildDrafts,
  type Channel,
  channelRules,
  channels,
  type Draft,
  fitsLimit,
  isChannel,
} from './index.js';

export type DraftStatus = SocialDraftRow['status'];
export type DraftAction = 'generated' | 'regenerated' | 'edited' | 'approved' | 'rejected' | 'delivered';

/** Who changed a draft; null in history means zender itself (a job or a webhook delivery). */
export interface Actor {
  tokenId: string;
  name: string;
}

export interface DraftHistoryEntry {
  at: string;
  action: DraftAction;
  by: Actor | null;
  status: DraftStatus;
  note?: string;
}

/** The public JSON shape of a social draft (the SocialDraft schema of /openapi.json), with Bluesky facets and the audit list. */
export interface SocialDraft {
  id: string;
  episodeId: string;
  channel: Channel;
  label: string;
  text: string;
  length: number;
  limit: number;
  fits: boolean;
  status: DraftStatus;
  link: string;
  facets?: BlueskyFacet[];
  image: { url: string; alt: string; width: number; height: number } | null;
  history: DraftHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

// Podcasting 2.0 person roles of the people who make the show rather than appear as guests.
const crew = new Set(['host', 'co-host', 'producer', 'editor', 'sound designer', 'audio engineer']);

/** A stored draft in its public JSON shape. */
export function toDraft(
  row: SocialDraftRecord,
  episode: EpisodeRecord,
  show: ShowRecord,
  base: string,
): SocialDraft {
  const channel = row.channel as Channel;
  const { image } = row;
  return {
    id: row.id,
    episodeId: row.episode_id,
    channel,
    label: channelRules[channel]?.label ?? row.channel,
    text: row.text,
    length: row.length,
    limit: row.length_limit,
    fits: isChannel(channel) && fitsLimit(channel, row.text),
    status: row.status,
    link: row.link,
    ...(row.facets ? { facets: row.facets } : {}),
    image: image
      ? {
          url: `${base}/media/${show.slug}/${episode.slug}/share.png`,
          alt: image.alt,
          width: image.width,
          height: image.height,
        }
      : null,
    history: row.history,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** In the usual channel order (Mastodon first, as everywhere in zender), unknown ones last. */
export function sortedByChannel(rows: SocialDraftRecord[]): SocialDraftRecord[] {
  const rank = (channel: string) => (isChannel(channel) ? channels.indexOf(channel) : channels.length);
  return [...rows].sort((a, b) => rank(a.channel) - rank(b.channel));
}

/** Builds the drafts of an episode from the show's settings and the episode's guests. */
export function draftsFor(
  episode: EpisodeRecord,
  show: ShowRecord,
  urls: Pick<PublicUrls, 'episodePage'>,
): Draft[] {
  const { social } = show;
  const persons = episode.extra.persons ?? [];
  return buildDrafts({
    show: {
      slug: show.slug,
      title: show.title,
      language: show.language,
      hashtags: social.hashtags,
      channels: social.channels,
      templates: social.templates,
    },
    episode: {
      title: episode.title,
      summary: episode.summary,
      pageUrl: urls.episodePage(show.slug, episode.slug),
      durationSeconds: episode.duration_seconds,
      guests: persons
        .filter((person) => !crew.has(person.role?.trim().toLowerCase() ?? ''))
        .map((person) => ({
          name: person.name,
          role: person.role?.trim().toLowerCase() === 'guest' ? null : person.role,
          organisation: person.organisation,
        })),
    },
  });
}
