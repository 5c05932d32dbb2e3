/**
 * What the feed builder needs to know, and nothing more. These types belong to `feeds/` so the
 * module stays a leaf: the domain maps its own show and episode rows onto them, and a change in
 * the database schema never reaches the RSS code.
 *
 * All text is taken as written; the builder removes what XML cannot carry and escapes the rest.
 */

/** A host, guest or other credit (podcast:person). `role` and `group` come from the Podcast Taxonomy. */
export interface FeedPerson {
  name: string;
  role?: string;
  group?: string;
  /** Picture or avatar URL. */
  img?: string;
  /** A page about the person. */
  href?: string;
}

export interface FeedFunding {
  url: string;
  /** Shown by apps next to the link; the spec asks for at most 128 characters. */
  title: string;
}

/**
 * podcast:license: either a lower-cased SPDX-style identifier from the namespace's license list
 * (`cc-by-4.0`), or a custom license, which the spec says must carry the URL of its legal text.
 */
export type FeedLicense = string | { name: string; url: string };

/** podcast:location: a display name, and for programs a geo URI and an OpenStreetMap id. */
export interface FeedLocation {
  name: string;
  geo?: string;
  osm?: string;
  country?: string;
}

/** A recommended show in podcast:podroll, found by its podcast:guid. */
export interface FeedRemoteFeed {
  feedGuid: string;
  feedUrl?: string;
  title?: string;
}

/** podcast:updateFrequency: the schedule as text, an RFC 5545 rule, and where it starts or ends. */
export interface FeedUpdateFrequency {
  text: string;
  rrule?: string;
  complete?: boolean;
  dtstart?: string;
}

export type FeedMedium =
  | 'podcast'
  | 'music'
  | 'video'
  | 'film'
  | 'audiobook'
  | 'newsletter'
  | 'blog'
  | 'course';

export interface FeedShow {
  title: string;
  /** HTML allowed; cleaned to a small allowlist before it goes into the feed. */
  description: string;
  /** The show's web page. */
  link: string;
  /** The public URL of this feed (atom:link rel="self"). */
  feedUrl: string;
  /** A WebSub hub that is told of every change (atom:link rel="hub"), when one is configured. */
  hubUrl?: string;
  /** ISO 639 code, optionally with a region: `nl`, `nl-be`. */
  language: string;
  author: string;
  owner: { name: string; email: string };
  /** Apple category names; a subcategory as `Society & Culture/Documentary`. The first one counts most. */
  categories: readonly string[];
  explicit: boolean;
  type: 'episodic' | 'serial';
  copyright?: string;
  license?: FeedLicense;
  /** itunes:block: written (as "Yes") only when true, which keeps the show out of Apple Podcasts. */
  block?: boolean;
  /** itunes:complete: written (as "Yes") only when true: no more episodes will come. */
  complete?: boolean;
  location?: FeedLocation;
  podroll?: readonly FeedRemoteFeed[];
  updateFrequency?: FeedUpdateFrequency;
  locked: boolean;
  /** The podcast:guid, assigned once for the show's lifetime (see podcastGuid). */
  guid: string;
  /** Square artwork, 1400–3000 px for Apple. */
  imageUrl?: string;
  funding: readonly FeedFunding[];
  persons: readonly FeedPerson[];
  /** Set when the show moved: apps follow itunes:new-feed-url and resubscribe there. */
  newFeedUrl?: string;
  /** Defaults to `podcast`. */
  medium?: FeedMedium;
  /** Ownership tokens given by platforms, each emitted as podcast:txt purpose="verify". */
  txtVerify?: readonly string[];
  /** When anything the feed shows last changed; becomes lastBuildDate. */
  updatedAt: Date;
}

export type FeedTranscriptType =
  | 'text/vtt'
  | 'application/x-subrip'
  | 'application/json'
  | 'text/html'
  | 'text/plain';

export interface FeedTranscript {
  url: string;
  type: FeedTranscriptType;
  language: string;
  /** Defaults to `captions` for the timed formats (VTT, SRT, JSON) and to none otherwise. */
  rel?: 'captions';
}

export interface FeedSoundbite {
  startSeconds: number;
  durationSeconds: number;
  title?: string;
}

export interface FeedEpisode {
  /** Never changes once published (Apple and every app key episodes on it). */
  guid: string;
  title: string;
  /** The episode's web page. */
  link: string;
  /** Plain text; becomes itunes:summary. */
  summary?: string;
  /** HTML allowed; cleaned to a small allowlist. */
  description?: string;
  publishedAt: Date;
  enclosure: { url: string; type: string; length: number };
  durationSeconds: number;
  season?: number;
  number?: number;
  type: 'full' | 'trailer' | 'bonus';
  explicit: boolean;
  imageUrl?: string;
  transcripts: readonly FeedTranscript[];
  /** URL of Podcasting 2.0 JSON chapters. */
  chaptersUrl?: string;
  /** When present, replaces the show's people for this episode (per the namespace spec). */
  persons: readonly FeedPerson[];
  soundbites: readonly FeedSoundbite[];
}
