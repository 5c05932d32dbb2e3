import type { Selectable } from 'kysely';

// Download counting (analytics): raw requests live a day, counts per day stay.

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
