import type { Insertable, Selectable, Updateable } from 'kysely';

/*
 * Both dialects read these the same way: timestamps as ISO-8601 text, booleans as 0/1
 * integers, JSON as text. Sizes are bigint in PostgreSQL (parsed back to number).
 */

export interface ApiTokensTable {
  id: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** 1 for the token ADMIN_TOKEN created (migration 0014), 0 for every other. */
  bootstrap: number;
  /** JSON string[] of the shows the token may reach; null: all (added by 0035). */
  show_ids?: string | null;
}

export interface ShowsTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  language: string;
  author: string;
  owner_name: string;
  owner_email: string;
  categories: string; // JSON string[]
  explicit: number;
  type: 'episodic' | 'serial';
  link: string | null;
  copyright: string | null;
  license: string | null;
  locked: number;
  funding: string; // JSON [{ url, title }]
  guid: string;
  artwork: string | null; // JSON { keys by size, width, height }
  loudness_target_lufs: number | null;
  social: string; // JSON { channels, hashtags, templates }
  persons: string; // JSON FeedPerson-like
  new_feed_url: string | null;
  extra: string; // JSON of channel-level options added later (txt verify, subscribe links, embed allowlist)
  created_at: string;
  updated_at: string;
}

export interface EpisodesTable {
  id: string;
  show_id: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  season: number | null;
  number: number | null;
  type: 'full' | 'trailer' | 'bonus';
  explicit: number;
  status: 'draft' | 'processing' | 'ready' | 'scheduled' | 'published' | 'failed';
  failure_reason: string | null;
  publish_at: string | null;
  published_at: string | null;
  guid: string;
  duration_seconds: number | null;
  audio: string | null; // JSON { key, type, size, sha256 } of the delivery file
  enclosure_path: string | null; // frozen at first publish: `${showSlug}/${episodeSlug}.mp3`
  artwork: string | null;
  quality: string | null; // JSON quality report
  transcript: string; // JSON { status, languages }
  chapters: string | null; // JSON chapters
  job_id: string | null;
  extra: string; // JSON: persons, soundbites, tag prefill provenance
  created_at: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string; // JSON
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  step: string | null;
  attempts: number;
  max_attempts: number;
  run_at: string;
  lease_until: string | null;
  locked_by: string | null;
  errors: string; // JSON [{ attempt, at, message }]
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface MediaFilesTable {
  id: string;
  episode_id: string | null;
  show_id: string | null;
  role: string;
  key: string;
  size: number;
  sha256: string;
  mime_type: string;
  duration_seconds: number | null;
  created_at: string;
}

export interface AnalyticsSaltsTable {
  day: string;
  salt: string;
}

export interface FeedDocumentsTable {
  show_id: string;
  slug: string;
  xml: string;
  etag: string;
  updated_at: string;
  /** The xml compressed by the rebuild job; null for documents built before compression moved there. */
  gzip: Buffer | null;
  br: Buffer | null;
}

export interface TranscriptsTable {
  episode_id: string;
  language: string;
  status: 'pending' | 'draft' | 'ready';
  source: 'placeholder' | 'transcriber' | 'upload';
  cues: string; // JSON Cue[]
  updated_at: string;
}

export interface SocialDraftsTable {
  id: string;
  episode_id: string;
  channel: string;
  text: string;
  length: number;
  length_limit: number;
  status: 'draft' | 'approved' | 'delivered' | 'rejected';
  link: string;
  facets: string | null; // JSON BlueskyFacet[] (Bluesky only)
  image: string | null; // JSON { key, alt, width, height } of the share image
  history: string; // JSON [{ at, action, by }]
  created_at: string;
  updated_at: string;
}

export interface WebhooksTable {
  id: string;
  show_id: string;
  url: string;
  secret: string; // kept as issued: it is the HMAC key deliveries are signed with
  events: string; // JSON string[]
  channels: string | null; // JSON string[]; null means every channel
  created_by: string | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event: string;
  event_key: string | null;
  draft_id: string | null;
  body: string; // the exact JSON sent on every attempt
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  log: string; // JSON [{ at, status, error, ms }]
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface OrganisationTable {
  id: string; // always 'main': one organisation per installation
  name: string;
  website: string | null;
  accent_color: string | null;
  logo: string | null; // JSON { key, width, height } of the stored PNG
  footer_links: string; // JSON [{ label, url }]
  statements: string; // JSON { privacy: { nl, en }, accessibility: { nl, en } }, null texts: the defaults
  updated_at: string;
}

export interface SearchEpisodesTable {
  episode_id: string;
  show_id: string;
  /** What the episode's searchable text looked like when indexed (timestamps); a change re-indexes it. */
  signature: string;
}

/** FTS5 table in SQLite, a table with a tsvector `document` in PostgreSQL (queried with sql``). */
export interface SearchEntriesTable {
  episode_id: string;
  show_id: string;
  kind: 'title' | 'notes' | 'chapter' | 'transcript';
  language: string;
  start_seconds: number | null;
  label: string | null;
  text: string;
}

/** A media path (episode slug) of a show that served an episode: it never serves another. */
export interface EpisodePathsTable {
  show_id: string;
  slug: string;
  episode_id: string;
  created_at: string;
}

/** A slug a show had before a rename: old feed URLs answer 301 to the current one. */
export interface ShowSlugHistoryTable {
  slug: string;
  show_id: string;
  retired_at: string;
}

export interface Database {
  api_tokens: ApiTokensTable;
  shows: ShowsTable;
  episodes: EpisodesTable;
  jobs: JobsTable;
  media_files: MediaFilesTable;
  analytics_salts: AnalyticsSaltsTable;
  feed_documents: FeedDocumentsTable;
  transcripts: TranscriptsTable;
  social_drafts: SocialDraftsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  organisation: OrganisationTable;
  search_episodes: SearchEpisodesTable;
  search_entries: SearchEntriesTable;
  episode_paths: EpisodePathsTable;
  imports: ImportsTable;
  show_slug_history: ShowSlugHistoryTable;
  // Download counting (analytics): raw requests live a day, counts per day stay.
  download_requests: DownloadRequestsTable;
  download_counts: DownloadCountsTable;
  download_settings: DownloadSettingsTable;
  // Staff interface: accounts, sessions, sign-in throttling, invitations, audit trail.
  users: UsersTable;
  user_sessions: UserSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  user_invitations: UserInvitationsTable;
  audit_events: AuditEventsTable;
}

export type ApiTokenRow = Selectable<ApiTokensTable>;
export type ShowRow = Selectable<ShowsTable>;
export type NewShowRow = Insertable<ShowsTable>;
export type ShowUpdate = Updateable<ShowsTable>;
export type EpisodeRow = Selectable<EpisodesTable>;
export type NewEpisodeRow = Insertable<EpisodesTable>;
export type EpisodeUpdate = Updateable<EpisodesTable>;
export type JobRow = Selectable<JobsTable>;
export type MediaFileRow = Selectable<MediaFilesTable>;
export type SocialDraftRow = Selectable<SocialDraftsTable>;
export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type EpisodePathRow = Selectable<EpisodePathsTable>;

/** One enclosure request; the listener is a keyed hash with that day's secret, never an address. */
export interface DownloadRequestsTable {
  episode_id: string;
  at: string;
  listener: string;
  user_agent: string | null;
  web_player: number;
  method: string;
  status: number;
  range_start: number | null;
  range_end: number | null;
  file_size: number;
  /**
   * The bytes the request can add to a download (count-downloads.ts), 0 when none; null on a
   * request a zender from before this column recorded (the fold then replays its listener).
   */
  countable_bytes: number | null;
}

export interface DownloadCountsTable {
  day: string;
  show_id: string;
  episode_id: string;
  app: string;
  device: string;
  downloads: number;
}

export interface DownloadSettingsTable {
  name: string;
  value: string;
  updated_at: string;
}

export type DownloadRequestRow = Selectable<DownloadRequestsTable>;
/** A feed import (POST /api/v1/imports) and its progress. */
export interface ImportsTable {
  id: string;
  feed_url: string;
  show_id: string | null;
  job_id: string | null;
  process_audio: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  failed: number;
  problems: string; // JSON [{ guid, title, code, message: { nl, en } }]
  created_at: string;
  updated_at: string;
}

export type ImportRow = Selectable<ImportsTable>;
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'viewer';
  show_ids: string | null; // JSON string[]; null: every show
  password_hash: string | null;
  locale: string | null;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserSessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface SignInAttemptsTable {
  id: string;
  key: string;
  at: string;
}

export interface UserInvitationsTable {
  id: string;
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AuditEventsTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'token';
  actor_id: string;
  actor_name: string;
  action: string;
  show_id: string | null;
  episode_id: string | null;
  subject: string;
}

export type UserRow = Selectable<UsersTable>;
export type UserSessionRow = Selectable<UserSessionsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
